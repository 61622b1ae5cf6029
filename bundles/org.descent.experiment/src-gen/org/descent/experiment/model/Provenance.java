/**
 */
package org.descent.experiment.model;

import org.descent.core.Precision;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Provenance</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * Where a run's numbers come from: code version, runtime, and every hyperparameter with defaults filled in.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.descent.experiment.model.Provenance#getDescentVersion <em>Descent Version</em>}</li>
 *   <li>{@link org.descent.experiment.model.Provenance#getJavaVersion <em>Java Version</em>}</li>
 *   <li>{@link org.descent.experiment.model.Provenance#getJavaVendor <em>Java Vendor</em>}</li>
 *   <li>{@link org.descent.experiment.model.Provenance#getOs <em>Os</em>}</li>
 *   <li>{@link org.descent.experiment.model.Provenance#getHost <em>Host</em>}</li>
 *   <li>{@link org.descent.experiment.model.Provenance#getThreads <em>Threads</em>}</li>
 *   <li>{@link org.descent.experiment.model.Provenance#getBackend <em>Backend</em>}</li>
 *   <li>{@link org.descent.experiment.model.Provenance#getSeed <em>Seed</em>}</li>
 *   <li>{@link org.descent.experiment.model.Provenance#getPrecision <em>Precision</em>}</li>
 *   <li>{@link org.descent.experiment.model.Provenance#getDataFingerprint <em>Data Fingerprint</em>}</li>
 *   <li>{@link org.descent.experiment.model.Provenance#getResolved <em>Resolved</em>}</li>
 *   <li>{@link org.descent.experiment.model.Provenance#getUpdate <em>Update</em>}</li>
 * </ul>
 *
 * @see org.descent.experiment.model.ExperimentPackage#getProvenance()
 * @model
 * @generated
 */
public interface Provenance extends EObject {
	/**
	 * Returns the value of the '<em><b>Descent Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Descent Version</em>' attribute.
	 * @see #setDescentVersion(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_DescentVersion()
	 * @model
	 * @generated
	 */
	String getDescentVersion();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Provenance#getDescentVersion <em>Descent Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Descent Version</em>' attribute.
	 * @see #getDescentVersion()
	 * @generated
	 */
	void setDescentVersion(String value);

	/**
	 * Returns the value of the '<em><b>Java Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Java Version</em>' attribute.
	 * @see #setJavaVersion(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_JavaVersion()
	 * @model
	 * @generated
	 */
	String getJavaVersion();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Provenance#getJavaVersion <em>Java Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Java Version</em>' attribute.
	 * @see #getJavaVersion()
	 * @generated
	 */
	void setJavaVersion(String value);

	/**
	 * Returns the value of the '<em><b>Java Vendor</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Java Vendor</em>' attribute.
	 * @see #setJavaVendor(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_JavaVendor()
	 * @model
	 * @generated
	 */
	String getJavaVendor();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Provenance#getJavaVendor <em>Java Vendor</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Java Vendor</em>' attribute.
	 * @see #getJavaVendor()
	 * @generated
	 */
	void setJavaVendor(String value);

	/**
	 * Returns the value of the '<em><b>Os</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Os</em>' attribute.
	 * @see #setOs(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_Os()
	 * @model
	 * @generated
	 */
	String getOs();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Provenance#getOs <em>Os</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Os</em>' attribute.
	 * @see #getOs()
	 * @generated
	 */
	void setOs(String value);

	/**
	 * Returns the value of the '<em><b>Host</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Host</em>' attribute.
	 * @see #setHost(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_Host()
	 * @model
	 * @generated
	 */
	String getHost();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Provenance#getHost <em>Host</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Host</em>' attribute.
	 * @see #getHost()
	 * @generated
	 */
	void setHost(String value);

	/**
	 * Returns the value of the '<em><b>Threads</b></em>' attribute.
	 * The default value is <code>"1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Threads</em>' attribute.
	 * @see #setThreads(int)
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_Threads()
	 * @model default="1"
	 * @generated
	 */
	int getThreads();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Provenance#getThreads <em>Threads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Threads</em>' attribute.
	 * @see #getThreads()
	 * @generated
	 */
	void setThreads(int value);

	/**
	 * Returns the value of the '<em><b>Backend</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Backend</em>' attribute.
	 * @see #setBackend(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_Backend()
	 * @model
	 * @generated
	 */
	String getBackend();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Provenance#getBackend <em>Backend</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Backend</em>' attribute.
	 * @see #getBackend()
	 * @generated
	 */
	void setBackend(String value);

	/**
	 * Returns the value of the '<em><b>Seed</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Seed</em>' attribute.
	 * @see #setSeed(long)
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_Seed()
	 * @model default="0"
	 * @generated
	 */
	long getSeed();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Provenance#getSeed <em>Seed</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Seed</em>' attribute.
	 * @see #getSeed()
	 * @generated
	 */
	void setSeed(long value);

	/**
	 * Returns the value of the '<em><b>Precision</b></em>' attribute.
	 * The default value is <code>"fp64"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Precision</em>' attribute.
	 * @see #setPrecision(Precision)
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_Precision()
	 * @model default="fp64" dataType="org.descent.experiment.model.Precision"
	 * @generated
	 */
	Precision getPrecision();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Provenance#getPrecision <em>Precision</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Precision</em>' attribute.
	 * @see #getPrecision()
	 * @generated
	 */
	void setPrecision(Precision value);

	/**
	 * Returns the value of the '<em><b>Data Fingerprint</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * A 64-bit hash (16 hex digits) of the training data's shape and values, the same one a checkpoint keeps to refuse resuming on changed data.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Data Fingerprint</em>' attribute.
	 * @see #setDataFingerprint(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_DataFingerprint()
	 * @model
	 * @generated
	 */
	String getDataFingerprint();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Provenance#getDataFingerprint <em>Data Fingerprint</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Data Fingerprint</em>' attribute.
	 * @see #getDataFingerprint()
	 * @generated
	 */
	void setDataFingerprint(String value);

	/**
	 * Returns the value of the '<em><b>Resolved</b></em>' containment reference list.
	 * The list contents are of type {@link org.descent.experiment.model.ResolvedComponent}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Resolved</em>' containment reference list.
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_Resolved()
	 * @model containment="true"
	 * @generated
	 */
	EList<ResolvedComponent> getResolved();

	/**
	 * Returns the value of the '<em><b>Update</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Where the optimizer updated the parameters: device (parameters, gradient and optimizer state stayed on the compute device between steps, copied to the host only for checkpoints, evaluations, probes and the end) or host (the optimizer stepped on host arrays). Absent in runs made before it was recorded.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Update</em>' attribute.
	 * @see #setUpdate(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getProvenance_Update()
	 * @model
	 * @generated
	 */
	String getUpdate();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Provenance#getUpdate <em>Update</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Update</em>' attribute.
	 * @see #getUpdate()
	 * @generated
	 */
	void setUpdate(String value);

} // Provenance
