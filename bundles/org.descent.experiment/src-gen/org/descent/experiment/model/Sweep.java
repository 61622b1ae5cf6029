/**
 */
package org.descent.experiment.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Sweep</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A sweep over an experiment, as descent sweep takes it on the command line: the swept parameters with their distributions, the seeds, the draws, the metric and its mode, the early stopping and the parallelism. Attributes annotated as settings are declared once here and drive the editor's form and the validation.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.descent.experiment.model.Sweep#getParameters <em>Parameters</em>}</li>
 *   <li>{@link org.descent.experiment.model.Sweep#getSeeds <em>Seeds</em>}</li>
 *   <li>{@link org.descent.experiment.model.Sweep#getTrials <em>Trials</em>}</li>
 *   <li>{@link org.descent.experiment.model.Sweep#getSearchSeed <em>Search Seed</em>}</li>
 *   <li>{@link org.descent.experiment.model.Sweep#getMetric <em>Metric</em>}</li>
 *   <li>{@link org.descent.experiment.model.Sweep#getMode <em>Mode</em>}</li>
 *   <li>{@link org.descent.experiment.model.Sweep#getScheduler <em>Scheduler</em>}</li>
 *   <li>{@link org.descent.experiment.model.Sweep#getGracePeriod <em>Grace Period</em>}</li>
 *   <li>{@link org.descent.experiment.model.Sweep#getReductionFactor <em>Reduction Factor</em>}</li>
 *   <li>{@link org.descent.experiment.model.Sweep#getParallel <em>Parallel</em>}</li>
 *   <li>{@link org.descent.experiment.model.Sweep#getAnalyses <em>Analyses</em>}</li>
 * </ul>
 *
 * @see org.descent.experiment.model.ExperimentPackage#getSweep()
 * @model
 * @generated
 */
public interface Sweep extends EObject {
	/**
	 * Returns the value of the '<em><b>Parameters</b></em>' containment reference list.
	 * The list contents are of type {@link org.descent.experiment.model.SweptParameter}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Parameters</em>' containment reference list.
	 * @see org.descent.experiment.model.ExperimentPackage#getSweep_Parameters()
	 * @model containment="true"
	 * @generated
	 */
	EList<SweptParameter> getParameters();

	/**
	 * Returns the value of the '<em><b>Seeds</b></em>' attribute.
	 * The default value is <code>""</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Seeds</em>' attribute.
	 * @see #setSeeds(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getSweep_Seeds()
	 * @model default=""
	 *        annotation="http://descent.org/experiment/setting option='seeds' doc='Train every configuration with each of these seeds (a grid over the seed): FROM..TO (0..4) or a list (0,3,7); empty: the experiment\'s seed only.'"
	 * @generated
	 */
	String getSeeds();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Sweep#getSeeds <em>Seeds</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Seeds</em>' attribute.
	 * @see #getSeeds()
	 * @generated
	 */
	void setSeeds(String value);

	/**
	 * Returns the value of the '<em><b>Trials</b></em>' attribute.
	 * The default value is <code>"1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Trials</em>' attribute.
	 * @see #setTrials(int)
	 * @see org.descent.experiment.model.ExperimentPackage#getSweep_Trials()
	 * @model default="1"
	 *        annotation="http://descent.org/experiment/setting option='trials' range='[1,1000000]' doc='Draws of the random parameters for each combination of the grids (Ray Tune\'s num_samples).'"
	 * @generated
	 */
	int getTrials();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Sweep#getTrials <em>Trials</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Trials</em>' attribute.
	 * @see #getTrials()
	 * @generated
	 */
	void setTrials(int value);

	/**
	 * Returns the value of the '<em><b>Search Seed</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Search Seed</em>' attribute.
	 * @see #setSearchSeed(long)
	 * @see org.descent.experiment.model.ExperimentPackage#getSweep_SearchSeed()
	 * @model default="0"
	 *        annotation="http://descent.org/experiment/setting option='search-seed' range='[0,inf)' doc='Seed of the draws: the same space and seed draw the same trials.'"
	 * @generated
	 */
	long getSearchSeed();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Sweep#getSearchSeed <em>Search Seed</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Search Seed</em>' attribute.
	 * @see #getSearchSeed()
	 * @generated
	 */
	void setSearchSeed(long value);

	/**
	 * Returns the value of the '<em><b>Metric</b></em>' attribute.
	 * The default value is <code>"train_loss"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Metric</em>' attribute.
	 * @see #setMetric(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getSweep_Metric()
	 * @model default="train_loss"
	 *        annotation="http://descent.org/experiment/setting option='metric' choices='metrics' doc='What trials are compared by at the end of each epoch: train_loss (the epoch\'s mean loss), or val_loss or val_accuracy (both need a validation fraction).'"
	 * @generated
	 */
	String getMetric();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Sweep#getMetric <em>Metric</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Metric</em>' attribute.
	 * @see #getMetric()
	 * @generated
	 */
	void setMetric(String value);

	/**
	 * Returns the value of the '<em><b>Mode</b></em>' attribute.
	 * The default value is <code>"min"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Mode</em>' attribute.
	 * @see #setMode(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getSweep_Mode()
	 * @model default="min"
	 *        annotation="http://descent.org/experiment/setting option='mode' choices='min,max' doc='Whether a lower (min) or a higher (max, for val_accuracy) metric is better.'"
	 * @generated
	 */
	String getMode();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Sweep#getMode <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Mode</em>' attribute.
	 * @see #getMode()
	 * @generated
	 */
	void setMode(String value);

	/**
	 * Returns the value of the '<em><b>Scheduler</b></em>' attribute.
	 * The default value is <code>"asha"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Scheduler</em>' attribute.
	 * @see #setScheduler(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getSweep_Scheduler()
	 * @model default="asha"
	 *        annotation="http://descent.org/experiment/setting option='scheduler' choices='asha,none' doc='Early stopping: asha (as Ray Tune\'s ASHAScheduler; compares trials at the end of epochs, so the budget must be in epochs) or none (every trial runs its budget).'"
	 * @generated
	 */
	String getScheduler();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Sweep#getScheduler <em>Scheduler</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Scheduler</em>' attribute.
	 * @see #getScheduler()
	 * @generated
	 */
	void setScheduler(String value);

	/**
	 * Returns the value of the '<em><b>Grace Period</b></em>' attribute.
	 * The default value is <code>"1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Grace Period</em>' attribute.
	 * @see #setGracePeriod(int)
	 * @see org.descent.experiment.model.ExperimentPackage#getSweep_GracePeriod()
	 * @model default="1"
	 *        annotation="http://descent.org/experiment/setting option='grace-period' range='[1,2147483647]' doc='ASHA: epochs before the first comparison.'"
	 * @generated
	 */
	int getGracePeriod();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Sweep#getGracePeriod <em>Grace Period</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Grace Period</em>' attribute.
	 * @see #getGracePeriod()
	 * @generated
	 */
	void setGracePeriod(int value);

	/**
	 * Returns the value of the '<em><b>Reduction Factor</b></em>' attribute.
	 * The default value is <code>"4"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Reduction Factor</em>' attribute.
	 * @see #setReductionFactor(int)
	 * @see org.descent.experiment.model.ExperimentPackage#getSweep_ReductionFactor()
	 * @model default="4"
	 *        annotation="http://descent.org/experiment/setting option='reduction-factor' range='[2,2147483647]' doc='ASHA: rungs are grace period * N^k epochs and a trial goes on in the top 1/N at each.'"
	 * @generated
	 */
	int getReductionFactor();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Sweep#getReductionFactor <em>Reduction Factor</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Reduction Factor</em>' attribute.
	 * @see #getReductionFactor()
	 * @generated
	 */
	void setReductionFactor(int value);

	/**
	 * Returns the value of the '<em><b>Parallel</b></em>' attribute.
	 * The default value is <code>"1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Parallel</em>' attribute.
	 * @see #setParallel(int)
	 * @see org.descent.experiment.model.ExperimentPackage#getSweep_Parallel()
	 * @model default="1"
	 *        annotation="http://descent.org/experiment/setting option='parallel' range='[1,1024]' doc='Trials trained at once, each on its own thread.'"
	 * @generated
	 */
	int getParallel();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Sweep#getParallel <em>Parallel</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Parallel</em>' attribute.
	 * @see #getParallel()
	 * @generated
	 */
	void setParallel(int value);

	/**
	 * Returns the value of the '<em><b>Analyses</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.String}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Analyses run on each trial's last checkpoint, as descent sweep --analyze takes them (ID or ID:K=V,...).
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Analyses</em>' attribute list.
	 * @see org.descent.experiment.model.ExperimentPackage#getSweep_Analyses()
	 * @model
	 * @generated
	 */
	EList<String> getAnalyses();

} // Sweep
