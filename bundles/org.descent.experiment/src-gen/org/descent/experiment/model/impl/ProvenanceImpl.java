/**
 */
package org.descent.experiment.model.impl;

import java.util.Collection;

import org.descent.core.Precision;

import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.ExperimentPackage;
import org.descent.experiment.model.Provenance;
import org.descent.experiment.model.ResolvedComponent;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Provenance</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getDescentVersion <em>Descent Version</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getJavaVersion <em>Java Version</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getJavaVendor <em>Java Vendor</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getOs <em>Os</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getHost <em>Host</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getThreads <em>Threads</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getBackend <em>Backend</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getSeed <em>Seed</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getPrecision <em>Precision</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getDataFingerprint <em>Data Fingerprint</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getResolved <em>Resolved</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ProvenanceImpl#getUpdate <em>Update</em>}</li>
 * </ul>
 *
 * @generated
 */
public class ProvenanceImpl extends MinimalEObjectImpl.Container implements Provenance {
	/**
	 * The default value of the '{@link #getDescentVersion() <em>Descent Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDescentVersion()
	 * @generated
	 * @ordered
	 */
	protected static final String DESCENT_VERSION_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getDescentVersion() <em>Descent Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDescentVersion()
	 * @generated
	 * @ordered
	 */
	protected String descentVersion = DESCENT_VERSION_EDEFAULT;

	/**
	 * The default value of the '{@link #getJavaVersion() <em>Java Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getJavaVersion()
	 * @generated
	 * @ordered
	 */
	protected static final String JAVA_VERSION_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getJavaVersion() <em>Java Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getJavaVersion()
	 * @generated
	 * @ordered
	 */
	protected String javaVersion = JAVA_VERSION_EDEFAULT;

	/**
	 * The default value of the '{@link #getJavaVendor() <em>Java Vendor</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getJavaVendor()
	 * @generated
	 * @ordered
	 */
	protected static final String JAVA_VENDOR_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getJavaVendor() <em>Java Vendor</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getJavaVendor()
	 * @generated
	 * @ordered
	 */
	protected String javaVendor = JAVA_VENDOR_EDEFAULT;

	/**
	 * The default value of the '{@link #getOs() <em>Os</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOs()
	 * @generated
	 * @ordered
	 */
	protected static final String OS_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getOs() <em>Os</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOs()
	 * @generated
	 * @ordered
	 */
	protected String os = OS_EDEFAULT;

	/**
	 * The default value of the '{@link #getHost() <em>Host</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHost()
	 * @generated
	 * @ordered
	 */
	protected static final String HOST_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getHost() <em>Host</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHost()
	 * @generated
	 * @ordered
	 */
	protected String host = HOST_EDEFAULT;

	/**
	 * The default value of the '{@link #getThreads() <em>Threads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getThreads()
	 * @generated
	 * @ordered
	 */
	protected static final int THREADS_EDEFAULT = 1;

	/**
	 * The cached value of the '{@link #getThreads() <em>Threads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getThreads()
	 * @generated
	 * @ordered
	 */
	protected int threads = THREADS_EDEFAULT;

	/**
	 * The default value of the '{@link #getBackend() <em>Backend</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBackend()
	 * @generated
	 * @ordered
	 */
	protected static final String BACKEND_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getBackend() <em>Backend</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBackend()
	 * @generated
	 * @ordered
	 */
	protected String backend = BACKEND_EDEFAULT;

	/**
	 * The default value of the '{@link #getSeed() <em>Seed</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSeed()
	 * @generated
	 * @ordered
	 */
	protected static final long SEED_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getSeed() <em>Seed</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSeed()
	 * @generated
	 * @ordered
	 */
	protected long seed = SEED_EDEFAULT;

	/**
	 * The default value of the '{@link #getPrecision() <em>Precision</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPrecision()
	 * @generated
	 * @ordered
	 */
	protected static final Precision PRECISION_EDEFAULT = (Precision)ExperimentFactory.eINSTANCE.createFromString(ExperimentPackage.eINSTANCE.getPrecision(), "fp64");

	/**
	 * The cached value of the '{@link #getPrecision() <em>Precision</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPrecision()
	 * @generated
	 * @ordered
	 */
	protected Precision precision = PRECISION_EDEFAULT;

	/**
	 * The default value of the '{@link #getDataFingerprint() <em>Data Fingerprint</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDataFingerprint()
	 * @generated
	 * @ordered
	 */
	protected static final String DATA_FINGERPRINT_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getDataFingerprint() <em>Data Fingerprint</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDataFingerprint()
	 * @generated
	 * @ordered
	 */
	protected String dataFingerprint = DATA_FINGERPRINT_EDEFAULT;

	/**
	 * The cached value of the '{@link #getResolved() <em>Resolved</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getResolved()
	 * @generated
	 * @ordered
	 */
	protected EList<ResolvedComponent> resolved;

	/**
	 * The default value of the '{@link #getUpdate() <em>Update</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getUpdate()
	 * @generated
	 * @ordered
	 */
	protected static final String UPDATE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getUpdate() <em>Update</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getUpdate()
	 * @generated
	 * @ordered
	 */
	protected String update = UPDATE_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected ProvenanceImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return ExperimentPackage.Literals.PROVENANCE;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getDescentVersion() {
		return descentVersion;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDescentVersion(String newDescentVersion) {
		String oldDescentVersion = descentVersion;
		descentVersion = newDescentVersion;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.PROVENANCE__DESCENT_VERSION, oldDescentVersion, descentVersion));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getJavaVersion() {
		return javaVersion;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setJavaVersion(String newJavaVersion) {
		String oldJavaVersion = javaVersion;
		javaVersion = newJavaVersion;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.PROVENANCE__JAVA_VERSION, oldJavaVersion, javaVersion));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getJavaVendor() {
		return javaVendor;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setJavaVendor(String newJavaVendor) {
		String oldJavaVendor = javaVendor;
		javaVendor = newJavaVendor;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.PROVENANCE__JAVA_VENDOR, oldJavaVendor, javaVendor));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getOs() {
		return os;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setOs(String newOs) {
		String oldOs = os;
		os = newOs;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.PROVENANCE__OS, oldOs, os));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getHost() {
		return host;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setHost(String newHost) {
		String oldHost = host;
		host = newHost;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.PROVENANCE__HOST, oldHost, host));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getThreads() {
		return threads;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setThreads(int newThreads) {
		int oldThreads = threads;
		threads = newThreads;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.PROVENANCE__THREADS, oldThreads, threads));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getBackend() {
		return backend;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBackend(String newBackend) {
		String oldBackend = backend;
		backend = newBackend;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.PROVENANCE__BACKEND, oldBackend, backend));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getSeed() {
		return seed;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSeed(long newSeed) {
		long oldSeed = seed;
		seed = newSeed;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.PROVENANCE__SEED, oldSeed, seed));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Precision getPrecision() {
		return precision;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPrecision(Precision newPrecision) {
		Precision oldPrecision = precision;
		precision = newPrecision;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.PROVENANCE__PRECISION, oldPrecision, precision));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getDataFingerprint() {
		return dataFingerprint;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDataFingerprint(String newDataFingerprint) {
		String oldDataFingerprint = dataFingerprint;
		dataFingerprint = newDataFingerprint;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.PROVENANCE__DATA_FINGERPRINT, oldDataFingerprint, dataFingerprint));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<ResolvedComponent> getResolved() {
		if (resolved == null) {
			resolved = new EObjectContainmentEList<ResolvedComponent>(ResolvedComponent.class, this, ExperimentPackage.PROVENANCE__RESOLVED);
		}
		return resolved;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getUpdate() {
		return update;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setUpdate(String newUpdate) {
		String oldUpdate = update;
		update = newUpdate;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.PROVENANCE__UPDATE, oldUpdate, update));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case ExperimentPackage.PROVENANCE__RESOLVED:
				return ((InternalEList<?>)getResolved()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case ExperimentPackage.PROVENANCE__DESCENT_VERSION:
				return getDescentVersion();
			case ExperimentPackage.PROVENANCE__JAVA_VERSION:
				return getJavaVersion();
			case ExperimentPackage.PROVENANCE__JAVA_VENDOR:
				return getJavaVendor();
			case ExperimentPackage.PROVENANCE__OS:
				return getOs();
			case ExperimentPackage.PROVENANCE__HOST:
				return getHost();
			case ExperimentPackage.PROVENANCE__THREADS:
				return getThreads();
			case ExperimentPackage.PROVENANCE__BACKEND:
				return getBackend();
			case ExperimentPackage.PROVENANCE__SEED:
				return getSeed();
			case ExperimentPackage.PROVENANCE__PRECISION:
				return getPrecision();
			case ExperimentPackage.PROVENANCE__DATA_FINGERPRINT:
				return getDataFingerprint();
			case ExperimentPackage.PROVENANCE__RESOLVED:
				return getResolved();
			case ExperimentPackage.PROVENANCE__UPDATE:
				return getUpdate();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case ExperimentPackage.PROVENANCE__DESCENT_VERSION:
				setDescentVersion((String)newValue);
				return;
			case ExperimentPackage.PROVENANCE__JAVA_VERSION:
				setJavaVersion((String)newValue);
				return;
			case ExperimentPackage.PROVENANCE__JAVA_VENDOR:
				setJavaVendor((String)newValue);
				return;
			case ExperimentPackage.PROVENANCE__OS:
				setOs((String)newValue);
				return;
			case ExperimentPackage.PROVENANCE__HOST:
				setHost((String)newValue);
				return;
			case ExperimentPackage.PROVENANCE__THREADS:
				setThreads((Integer)newValue);
				return;
			case ExperimentPackage.PROVENANCE__BACKEND:
				setBackend((String)newValue);
				return;
			case ExperimentPackage.PROVENANCE__SEED:
				setSeed((Long)newValue);
				return;
			case ExperimentPackage.PROVENANCE__PRECISION:
				setPrecision((Precision)newValue);
				return;
			case ExperimentPackage.PROVENANCE__DATA_FINGERPRINT:
				setDataFingerprint((String)newValue);
				return;
			case ExperimentPackage.PROVENANCE__RESOLVED:
				getResolved().clear();
				getResolved().addAll((Collection<? extends ResolvedComponent>)newValue);
				return;
			case ExperimentPackage.PROVENANCE__UPDATE:
				setUpdate((String)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case ExperimentPackage.PROVENANCE__DESCENT_VERSION:
				setDescentVersion(DESCENT_VERSION_EDEFAULT);
				return;
			case ExperimentPackage.PROVENANCE__JAVA_VERSION:
				setJavaVersion(JAVA_VERSION_EDEFAULT);
				return;
			case ExperimentPackage.PROVENANCE__JAVA_VENDOR:
				setJavaVendor(JAVA_VENDOR_EDEFAULT);
				return;
			case ExperimentPackage.PROVENANCE__OS:
				setOs(OS_EDEFAULT);
				return;
			case ExperimentPackage.PROVENANCE__HOST:
				setHost(HOST_EDEFAULT);
				return;
			case ExperimentPackage.PROVENANCE__THREADS:
				setThreads(THREADS_EDEFAULT);
				return;
			case ExperimentPackage.PROVENANCE__BACKEND:
				setBackend(BACKEND_EDEFAULT);
				return;
			case ExperimentPackage.PROVENANCE__SEED:
				setSeed(SEED_EDEFAULT);
				return;
			case ExperimentPackage.PROVENANCE__PRECISION:
				setPrecision(PRECISION_EDEFAULT);
				return;
			case ExperimentPackage.PROVENANCE__DATA_FINGERPRINT:
				setDataFingerprint(DATA_FINGERPRINT_EDEFAULT);
				return;
			case ExperimentPackage.PROVENANCE__RESOLVED:
				getResolved().clear();
				return;
			case ExperimentPackage.PROVENANCE__UPDATE:
				setUpdate(UPDATE_EDEFAULT);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case ExperimentPackage.PROVENANCE__DESCENT_VERSION:
				return DESCENT_VERSION_EDEFAULT == null ? descentVersion != null : !DESCENT_VERSION_EDEFAULT.equals(descentVersion);
			case ExperimentPackage.PROVENANCE__JAVA_VERSION:
				return JAVA_VERSION_EDEFAULT == null ? javaVersion != null : !JAVA_VERSION_EDEFAULT.equals(javaVersion);
			case ExperimentPackage.PROVENANCE__JAVA_VENDOR:
				return JAVA_VENDOR_EDEFAULT == null ? javaVendor != null : !JAVA_VENDOR_EDEFAULT.equals(javaVendor);
			case ExperimentPackage.PROVENANCE__OS:
				return OS_EDEFAULT == null ? os != null : !OS_EDEFAULT.equals(os);
			case ExperimentPackage.PROVENANCE__HOST:
				return HOST_EDEFAULT == null ? host != null : !HOST_EDEFAULT.equals(host);
			case ExperimentPackage.PROVENANCE__THREADS:
				return threads != THREADS_EDEFAULT;
			case ExperimentPackage.PROVENANCE__BACKEND:
				return BACKEND_EDEFAULT == null ? backend != null : !BACKEND_EDEFAULT.equals(backend);
			case ExperimentPackage.PROVENANCE__SEED:
				return seed != SEED_EDEFAULT;
			case ExperimentPackage.PROVENANCE__PRECISION:
				return PRECISION_EDEFAULT == null ? precision != null : !PRECISION_EDEFAULT.equals(precision);
			case ExperimentPackage.PROVENANCE__DATA_FINGERPRINT:
				return DATA_FINGERPRINT_EDEFAULT == null ? dataFingerprint != null : !DATA_FINGERPRINT_EDEFAULT.equals(dataFingerprint);
			case ExperimentPackage.PROVENANCE__RESOLVED:
				return resolved != null && !resolved.isEmpty();
			case ExperimentPackage.PROVENANCE__UPDATE:
				return UPDATE_EDEFAULT == null ? update != null : !UPDATE_EDEFAULT.equals(update);
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (descentVersion: ");
		result.append(descentVersion);
		result.append(", javaVersion: ");
		result.append(javaVersion);
		result.append(", javaVendor: ");
		result.append(javaVendor);
		result.append(", os: ");
		result.append(os);
		result.append(", host: ");
		result.append(host);
		result.append(", threads: ");
		result.append(threads);
		result.append(", backend: ");
		result.append(backend);
		result.append(", seed: ");
		result.append(seed);
		result.append(", precision: ");
		result.append(precision);
		result.append(", dataFingerprint: ");
		result.append(dataFingerprint);
		result.append(", update: ");
		result.append(update);
		result.append(')');
		return result.toString();
	}

} //ProvenanceImpl
