/**
 */
package org.descent.experiment.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Resolved Component</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A component as it ran: its role (dataset, model, loss, optimizer, schedule, probe), the contributing bundle and version, and every hyperparameter including defaults.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.descent.experiment.model.ResolvedComponent#getRole <em>Role</em>}</li>
 *   <li>{@link org.descent.experiment.model.ResolvedComponent#getBundle <em>Bundle</em>}</li>
 *   <li>{@link org.descent.experiment.model.ResolvedComponent#getBundleVersion <em>Bundle Version</em>}</li>
 * </ul>
 *
 * @see org.descent.experiment.model.ExperimentPackage#getResolvedComponent()
 * @model
 * @generated
 */
public interface ResolvedComponent extends Component {
	/**
	 * Returns the value of the '<em><b>Role</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Role</em>' attribute.
	 * @see #setRole(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getResolvedComponent_Role()
	 * @model
	 * @generated
	 */
	String getRole();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.ResolvedComponent#getRole <em>Role</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Role</em>' attribute.
	 * @see #getRole()
	 * @generated
	 */
	void setRole(String value);

	/**
	 * Returns the value of the '<em><b>Bundle</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Bundle</em>' attribute.
	 * @see #setBundle(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getResolvedComponent_Bundle()
	 * @model
	 * @generated
	 */
	String getBundle();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.ResolvedComponent#getBundle <em>Bundle</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Bundle</em>' attribute.
	 * @see #getBundle()
	 * @generated
	 */
	void setBundle(String value);

	/**
	 * Returns the value of the '<em><b>Bundle Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The version of the contributing bundle.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Bundle Version</em>' attribute.
	 * @see #setBundleVersion(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getResolvedComponent_BundleVersion()
	 * @model
	 * @generated
	 */
	String getBundleVersion();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.ResolvedComponent#getBundleVersion <em>Bundle Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Bundle Version</em>' attribute.
	 * @see #getBundleVersion()
	 * @generated
	 */
	void setBundleVersion(String value);

} // ResolvedComponent
