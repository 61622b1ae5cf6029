/**
 */
package org.descent.experiment.model;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Swept Parameter</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * One swept parameter, as --param NAME=DISTRIBUTION: NAME is a component's hyperparameter (optimizer.lr), a component (optimizer) or a training setting by its option name (batch); the distribution is kept as text, exactly as typed: loguniform(a,b), uniform(a,b), choice(x,y,...) or grid(x,y,...).
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.descent.experiment.model.SweptParameter#getName <em>Name</em>}</li>
 *   <li>{@link org.descent.experiment.model.SweptParameter#getDistribution <em>Distribution</em>}</li>
 * </ul>
 *
 * @see org.descent.experiment.model.ExperimentPackage#getSweptParameter()
 * @model
 * @generated
 */
public interface SweptParameter extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getSweptParameter_Name()
	 * @model required="true"
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.SweptParameter#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Distribution</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Distribution</em>' attribute.
	 * @see #setDistribution(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getSweptParameter_Distribution()
	 * @model required="true"
	 * @generated
	 */
	String getDistribution();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.SweptParameter#getDistribution <em>Distribution</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Distribution</em>' attribute.
	 * @see #getDistribution()
	 * @generated
	 */
	void setDistribution(String value);

} // SweptParameter
