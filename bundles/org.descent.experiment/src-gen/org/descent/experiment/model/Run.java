/**
 */
package org.descent.experiment.model;

import java.util.Date;

import org.descent.core.RunStatus;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Run</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * One execution of an experiment: its status, progress, final metrics and provenance.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.descent.experiment.model.Run#getName <em>Name</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getExperiment <em>Experiment</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getStatus <em>Status</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getMessage <em>Message</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getStep <em>Step</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getEpoch <em>Epoch</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getCreated <em>Created</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getEnded <em>Ended</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getWallSeconds <em>Wall Seconds</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getPid <em>Pid</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getProcessStart <em>Process Start</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getProcessHost <em>Process Host</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getMetrics <em>Metrics</em>}</li>
 *   <li>{@link org.descent.experiment.model.Run#getProvenance <em>Provenance</em>}</li>
 * </ul>
 *
 * @see org.descent.experiment.model.ExperimentPackage#getRun()
 * @model
 * @generated
 */
public interface Run extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Experiment</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Experiment</em>' containment reference.
	 * @see #setExperiment(Experiment)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_Experiment()
	 * @model containment="true" required="true"
	 * @generated
	 */
	Experiment getExperiment();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getExperiment <em>Experiment</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Experiment</em>' containment reference.
	 * @see #getExperiment()
	 * @generated
	 */
	void setExperiment(Experiment value);

	/**
	 * Returns the value of the '<em><b>Status</b></em>' attribute.
	 * The default value is <code>"created"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Status</em>' attribute.
	 * @see #setStatus(RunStatus)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_Status()
	 * @model default="created" dataType="org.descent.experiment.model.RunStatus"
	 * @generated
	 */
	RunStatus getStatus();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getStatus <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Status</em>' attribute.
	 * @see #getStatus()
	 * @generated
	 */
	void setStatus(RunStatus value);

	/**
	 * Returns the value of the '<em><b>Message</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Message</em>' attribute.
	 * @see #setMessage(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_Message()
	 * @model
	 * @generated
	 */
	String getMessage();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getMessage <em>Message</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Message</em>' attribute.
	 * @see #getMessage()
	 * @generated
	 */
	void setMessage(String value);

	/**
	 * Returns the value of the '<em><b>Step</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Step</em>' attribute.
	 * @see #setStep(long)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_Step()
	 * @model default="0"
	 * @generated
	 */
	long getStep();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getStep <em>Step</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Step</em>' attribute.
	 * @see #getStep()
	 * @generated
	 */
	void setStep(long value);

	/**
	 * Returns the value of the '<em><b>Epoch</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Epoch</em>' attribute.
	 * @see #setEpoch(int)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_Epoch()
	 * @model default="0"
	 * @generated
	 */
	int getEpoch();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getEpoch <em>Epoch</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Epoch</em>' attribute.
	 * @see #getEpoch()
	 * @generated
	 */
	void setEpoch(int value);

	/**
	 * Returns the value of the '<em><b>Created</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Created</em>' attribute.
	 * @see #setCreated(Date)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_Created()
	 * @model
	 * @generated
	 */
	Date getCreated();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getCreated <em>Created</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Created</em>' attribute.
	 * @see #getCreated()
	 * @generated
	 */
	void setCreated(Date value);

	/**
	 * Returns the value of the '<em><b>Ended</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Ended</em>' attribute.
	 * @see #setEnded(Date)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_Ended()
	 * @model
	 * @generated
	 */
	Date getEnded();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getEnded <em>Ended</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Ended</em>' attribute.
	 * @see #getEnded()
	 * @generated
	 */
	void setEnded(Date value);

	/**
	 * Returns the value of the '<em><b>Wall Seconds</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Wall Seconds</em>' attribute.
	 * @see #setWallSeconds(double)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_WallSeconds()
	 * @model default="0"
	 * @generated
	 */
	double getWallSeconds();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getWallSeconds <em>Wall Seconds</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Wall Seconds</em>' attribute.
	 * @see #getWallSeconds()
	 * @generated
	 */
	void setWallSeconds(double value);

	/**
	 * Returns the value of the '<em><b>Pid</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Pid</em>' attribute.
	 * @see #setPid(long)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_Pid()
	 * @model default="0"
	 * @generated
	 */
	long getPid();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getPid <em>Pid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Pid</em>' attribute.
	 * @see #getPid()
	 * @generated
	 */
	void setPid(long value);

	/**
	 * Returns the value of the '<em><b>Process Start</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * When the process that trains the run (pid) started, so that a reused pid is not taken for it; absent in runs written before it was recorded.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Process Start</em>' attribute.
	 * @see #setProcessStart(Date)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_ProcessStart()
	 * @model
	 * @generated
	 */
	Date getProcessStart();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getProcessStart <em>Process Start</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Process Start</em>' attribute.
	 * @see #getProcessStart()
	 * @generated
	 */
	void setProcessStart(Date value);

	/**
	 * Returns the value of the '<em><b>Process Host</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The host of the process that trains the run: a pid names a process on that host only; absent in runs written before it was recorded.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Process Host</em>' attribute.
	 * @see #setProcessHost(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_ProcessHost()
	 * @model
	 * @generated
	 */
	String getProcessHost();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getProcessHost <em>Process Host</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Process Host</em>' attribute.
	 * @see #getProcessHost()
	 * @generated
	 */
	void setProcessHost(String value);

	/**
	 * Returns the value of the '<em><b>Metrics</b></em>' containment reference list.
	 * The list contents are of type {@link org.descent.experiment.model.Metric}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Metrics</em>' containment reference list.
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_Metrics()
	 * @model containment="true"
	 * @generated
	 */
	EList<Metric> getMetrics();

	/**
	 * Returns the value of the '<em><b>Provenance</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Provenance</em>' containment reference.
	 * @see #setProvenance(Provenance)
	 * @see org.descent.experiment.model.ExperimentPackage#getRun_Provenance()
	 * @model containment="true"
	 * @generated
	 */
	Provenance getProvenance();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Run#getProvenance <em>Provenance</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Provenance</em>' containment reference.
	 * @see #getProvenance()
	 * @generated
	 */
	void setProvenance(Provenance value);

} // Run
