/**
 */
package org.descent.experiment.model.impl;

import org.descent.experiment.model.ExperimentPackage;
import org.descent.experiment.model.ResolvedComponent;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Resolved Component</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.descent.experiment.model.impl.ResolvedComponentImpl#getRole <em>Role</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ResolvedComponentImpl#getBundle <em>Bundle</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ResolvedComponentImpl#getBundleVersion <em>Bundle Version</em>}</li>
 * </ul>
 *
 * @generated
 */
public class ResolvedComponentImpl extends ComponentImpl implements ResolvedComponent {
	/**
	 * The default value of the '{@link #getRole() <em>Role</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRole()
	 * @generated
	 * @ordered
	 */
	protected static final String ROLE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getRole() <em>Role</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRole()
	 * @generated
	 * @ordered
	 */
	protected String role = ROLE_EDEFAULT;

	/**
	 * The default value of the '{@link #getBundle() <em>Bundle</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBundle()
	 * @generated
	 * @ordered
	 */
	protected static final String BUNDLE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getBundle() <em>Bundle</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBundle()
	 * @generated
	 * @ordered
	 */
	protected String bundle = BUNDLE_EDEFAULT;

	/**
	 * The default value of the '{@link #getBundleVersion() <em>Bundle Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBundleVersion()
	 * @generated
	 * @ordered
	 */
	protected static final String BUNDLE_VERSION_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getBundleVersion() <em>Bundle Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBundleVersion()
	 * @generated
	 * @ordered
	 */
	protected String bundleVersion = BUNDLE_VERSION_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected ResolvedComponentImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return ExperimentPackage.Literals.RESOLVED_COMPONENT;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getRole() {
		return role;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setRole(String newRole) {
		String oldRole = role;
		role = newRole;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RESOLVED_COMPONENT__ROLE, oldRole, role));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getBundle() {
		return bundle;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBundle(String newBundle) {
		String oldBundle = bundle;
		bundle = newBundle;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RESOLVED_COMPONENT__BUNDLE, oldBundle, bundle));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getBundleVersion() {
		return bundleVersion;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBundleVersion(String newBundleVersion) {
		String oldBundleVersion = bundleVersion;
		bundleVersion = newBundleVersion;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RESOLVED_COMPONENT__BUNDLE_VERSION, oldBundleVersion, bundleVersion));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case ExperimentPackage.RESOLVED_COMPONENT__ROLE:
				return getRole();
			case ExperimentPackage.RESOLVED_COMPONENT__BUNDLE:
				return getBundle();
			case ExperimentPackage.RESOLVED_COMPONENT__BUNDLE_VERSION:
				return getBundleVersion();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case ExperimentPackage.RESOLVED_COMPONENT__ROLE:
				setRole((String)newValue);
				return;
			case ExperimentPackage.RESOLVED_COMPONENT__BUNDLE:
				setBundle((String)newValue);
				return;
			case ExperimentPackage.RESOLVED_COMPONENT__BUNDLE_VERSION:
				setBundleVersion((String)newValue);
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
			case ExperimentPackage.RESOLVED_COMPONENT__ROLE:
				setRole(ROLE_EDEFAULT);
				return;
			case ExperimentPackage.RESOLVED_COMPONENT__BUNDLE:
				setBundle(BUNDLE_EDEFAULT);
				return;
			case ExperimentPackage.RESOLVED_COMPONENT__BUNDLE_VERSION:
				setBundleVersion(BUNDLE_VERSION_EDEFAULT);
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
			case ExperimentPackage.RESOLVED_COMPONENT__ROLE:
				return ROLE_EDEFAULT == null ? role != null : !ROLE_EDEFAULT.equals(role);
			case ExperimentPackage.RESOLVED_COMPONENT__BUNDLE:
				return BUNDLE_EDEFAULT == null ? bundle != null : !BUNDLE_EDEFAULT.equals(bundle);
			case ExperimentPackage.RESOLVED_COMPONENT__BUNDLE_VERSION:
				return BUNDLE_VERSION_EDEFAULT == null ? bundleVersion != null : !BUNDLE_VERSION_EDEFAULT.equals(bundleVersion);
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
		result.append(" (role: ");
		result.append(role);
		result.append(", bundle: ");
		result.append(bundle);
		result.append(", bundleVersion: ");
		result.append(bundleVersion);
		result.append(')');
		return result.toString();
	}

} //ResolvedComponentImpl
