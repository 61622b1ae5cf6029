/**
 */
package org.descent.experiment.model.impl;

import java.util.Collection;

import org.descent.experiment.model.ExperimentPackage;
import org.descent.experiment.model.Sweep;
import org.descent.experiment.model.SweptParameter;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EDataTypeUniqueEList;
import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Sweep</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.descent.experiment.model.impl.SweepImpl#getParameters <em>Parameters</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.SweepImpl#getSeeds <em>Seeds</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.SweepImpl#getTrials <em>Trials</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.SweepImpl#getSearchSeed <em>Search Seed</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.SweepImpl#getMetric <em>Metric</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.SweepImpl#getMode <em>Mode</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.SweepImpl#getScheduler <em>Scheduler</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.SweepImpl#getGracePeriod <em>Grace Period</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.SweepImpl#getReductionFactor <em>Reduction Factor</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.SweepImpl#getParallel <em>Parallel</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.SweepImpl#getAnalyses <em>Analyses</em>}</li>
 * </ul>
 *
 * @generated
 */
public class SweepImpl extends MinimalEObjectImpl.Container implements Sweep {
	/**
	 * The cached value of the '{@link #getParameters() <em>Parameters</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getParameters()
	 * @generated
	 * @ordered
	 */
	protected EList<SweptParameter> parameters;

	/**
	 * The default value of the '{@link #getSeeds() <em>Seeds</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSeeds()
	 * @generated
	 * @ordered
	 */
	protected static final String SEEDS_EDEFAULT = "";

	/**
	 * The cached value of the '{@link #getSeeds() <em>Seeds</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSeeds()
	 * @generated
	 * @ordered
	 */
	protected String seeds = SEEDS_EDEFAULT;

	/**
	 * The default value of the '{@link #getTrials() <em>Trials</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTrials()
	 * @generated
	 * @ordered
	 */
	protected static final int TRIALS_EDEFAULT = 1;

	/**
	 * The cached value of the '{@link #getTrials() <em>Trials</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTrials()
	 * @generated
	 * @ordered
	 */
	protected int trials = TRIALS_EDEFAULT;

	/**
	 * The default value of the '{@link #getSearchSeed() <em>Search Seed</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSearchSeed()
	 * @generated
	 * @ordered
	 */
	protected static final long SEARCH_SEED_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getSearchSeed() <em>Search Seed</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSearchSeed()
	 * @generated
	 * @ordered
	 */
	protected long searchSeed = SEARCH_SEED_EDEFAULT;

	/**
	 * The default value of the '{@link #getMetric() <em>Metric</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMetric()
	 * @generated
	 * @ordered
	 */
	protected static final String METRIC_EDEFAULT = "train_loss";

	/**
	 * The cached value of the '{@link #getMetric() <em>Metric</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMetric()
	 * @generated
	 * @ordered
	 */
	protected String metric = METRIC_EDEFAULT;

	/**
	 * The default value of the '{@link #getMode() <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMode()
	 * @generated
	 * @ordered
	 */
	protected static final String MODE_EDEFAULT = "min";

	/**
	 * The cached value of the '{@link #getMode() <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMode()
	 * @generated
	 * @ordered
	 */
	protected String mode = MODE_EDEFAULT;

	/**
	 * The default value of the '{@link #getScheduler() <em>Scheduler</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getScheduler()
	 * @generated
	 * @ordered
	 */
	protected static final String SCHEDULER_EDEFAULT = "asha";

	/**
	 * The cached value of the '{@link #getScheduler() <em>Scheduler</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getScheduler()
	 * @generated
	 * @ordered
	 */
	protected String scheduler = SCHEDULER_EDEFAULT;

	/**
	 * The default value of the '{@link #getGracePeriod() <em>Grace Period</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGracePeriod()
	 * @generated
	 * @ordered
	 */
	protected static final int GRACE_PERIOD_EDEFAULT = 1;

	/**
	 * The cached value of the '{@link #getGracePeriod() <em>Grace Period</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGracePeriod()
	 * @generated
	 * @ordered
	 */
	protected int gracePeriod = GRACE_PERIOD_EDEFAULT;

	/**
	 * The default value of the '{@link #getReductionFactor() <em>Reduction Factor</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getReductionFactor()
	 * @generated
	 * @ordered
	 */
	protected static final int REDUCTION_FACTOR_EDEFAULT = 4;

	/**
	 * The cached value of the '{@link #getReductionFactor() <em>Reduction Factor</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getReductionFactor()
	 * @generated
	 * @ordered
	 */
	protected int reductionFactor = REDUCTION_FACTOR_EDEFAULT;

	/**
	 * The default value of the '{@link #getParallel() <em>Parallel</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getParallel()
	 * @generated
	 * @ordered
	 */
	protected static final int PARALLEL_EDEFAULT = 1;

	/**
	 * The cached value of the '{@link #getParallel() <em>Parallel</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getParallel()
	 * @generated
	 * @ordered
	 */
	protected int parallel = PARALLEL_EDEFAULT;

	/**
	 * The cached value of the '{@link #getAnalyses() <em>Analyses</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAnalyses()
	 * @generated
	 * @ordered
	 */
	protected EList<String> analyses;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected SweepImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return ExperimentPackage.Literals.SWEEP;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<SweptParameter> getParameters() {
		if (parameters == null) {
			parameters = new EObjectContainmentEList<SweptParameter>(SweptParameter.class, this, ExperimentPackage.SWEEP__PARAMETERS);
		}
		return parameters;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSeeds() {
		return seeds;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSeeds(String newSeeds) {
		String oldSeeds = seeds;
		seeds = newSeeds;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.SWEEP__SEEDS, oldSeeds, seeds));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getTrials() {
		return trials;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTrials(int newTrials) {
		int oldTrials = trials;
		trials = newTrials;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.SWEEP__TRIALS, oldTrials, trials));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getSearchSeed() {
		return searchSeed;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSearchSeed(long newSearchSeed) {
		long oldSearchSeed = searchSeed;
		searchSeed = newSearchSeed;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.SWEEP__SEARCH_SEED, oldSearchSeed, searchSeed));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getMetric() {
		return metric;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMetric(String newMetric) {
		String oldMetric = metric;
		metric = newMetric;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.SWEEP__METRIC, oldMetric, metric));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getMode() {
		return mode;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMode(String newMode) {
		String oldMode = mode;
		mode = newMode;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.SWEEP__MODE, oldMode, mode));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getScheduler() {
		return scheduler;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setScheduler(String newScheduler) {
		String oldScheduler = scheduler;
		scheduler = newScheduler;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.SWEEP__SCHEDULER, oldScheduler, scheduler));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getGracePeriod() {
		return gracePeriod;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setGracePeriod(int newGracePeriod) {
		int oldGracePeriod = gracePeriod;
		gracePeriod = newGracePeriod;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.SWEEP__GRACE_PERIOD, oldGracePeriod, gracePeriod));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getReductionFactor() {
		return reductionFactor;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setReductionFactor(int newReductionFactor) {
		int oldReductionFactor = reductionFactor;
		reductionFactor = newReductionFactor;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.SWEEP__REDUCTION_FACTOR, oldReductionFactor, reductionFactor));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getParallel() {
		return parallel;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setParallel(int newParallel) {
		int oldParallel = parallel;
		parallel = newParallel;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.SWEEP__PARALLEL, oldParallel, parallel));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<String> getAnalyses() {
		if (analyses == null) {
			analyses = new EDataTypeUniqueEList<String>(String.class, this, ExperimentPackage.SWEEP__ANALYSES);
		}
		return analyses;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case ExperimentPackage.SWEEP__PARAMETERS:
				return ((InternalEList<?>)getParameters()).basicRemove(otherEnd, msgs);
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
			case ExperimentPackage.SWEEP__PARAMETERS:
				return getParameters();
			case ExperimentPackage.SWEEP__SEEDS:
				return getSeeds();
			case ExperimentPackage.SWEEP__TRIALS:
				return getTrials();
			case ExperimentPackage.SWEEP__SEARCH_SEED:
				return getSearchSeed();
			case ExperimentPackage.SWEEP__METRIC:
				return getMetric();
			case ExperimentPackage.SWEEP__MODE:
				return getMode();
			case ExperimentPackage.SWEEP__SCHEDULER:
				return getScheduler();
			case ExperimentPackage.SWEEP__GRACE_PERIOD:
				return getGracePeriod();
			case ExperimentPackage.SWEEP__REDUCTION_FACTOR:
				return getReductionFactor();
			case ExperimentPackage.SWEEP__PARALLEL:
				return getParallel();
			case ExperimentPackage.SWEEP__ANALYSES:
				return getAnalyses();
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
			case ExperimentPackage.SWEEP__PARAMETERS:
				getParameters().clear();
				getParameters().addAll((Collection<? extends SweptParameter>)newValue);
				return;
			case ExperimentPackage.SWEEP__SEEDS:
				setSeeds((String)newValue);
				return;
			case ExperimentPackage.SWEEP__TRIALS:
				setTrials((Integer)newValue);
				return;
			case ExperimentPackage.SWEEP__SEARCH_SEED:
				setSearchSeed((Long)newValue);
				return;
			case ExperimentPackage.SWEEP__METRIC:
				setMetric((String)newValue);
				return;
			case ExperimentPackage.SWEEP__MODE:
				setMode((String)newValue);
				return;
			case ExperimentPackage.SWEEP__SCHEDULER:
				setScheduler((String)newValue);
				return;
			case ExperimentPackage.SWEEP__GRACE_PERIOD:
				setGracePeriod((Integer)newValue);
				return;
			case ExperimentPackage.SWEEP__REDUCTION_FACTOR:
				setReductionFactor((Integer)newValue);
				return;
			case ExperimentPackage.SWEEP__PARALLEL:
				setParallel((Integer)newValue);
				return;
			case ExperimentPackage.SWEEP__ANALYSES:
				getAnalyses().clear();
				getAnalyses().addAll((Collection<? extends String>)newValue);
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
			case ExperimentPackage.SWEEP__PARAMETERS:
				getParameters().clear();
				return;
			case ExperimentPackage.SWEEP__SEEDS:
				setSeeds(SEEDS_EDEFAULT);
				return;
			case ExperimentPackage.SWEEP__TRIALS:
				setTrials(TRIALS_EDEFAULT);
				return;
			case ExperimentPackage.SWEEP__SEARCH_SEED:
				setSearchSeed(SEARCH_SEED_EDEFAULT);
				return;
			case ExperimentPackage.SWEEP__METRIC:
				setMetric(METRIC_EDEFAULT);
				return;
			case ExperimentPackage.SWEEP__MODE:
				setMode(MODE_EDEFAULT);
				return;
			case ExperimentPackage.SWEEP__SCHEDULER:
				setScheduler(SCHEDULER_EDEFAULT);
				return;
			case ExperimentPackage.SWEEP__GRACE_PERIOD:
				setGracePeriod(GRACE_PERIOD_EDEFAULT);
				return;
			case ExperimentPackage.SWEEP__REDUCTION_FACTOR:
				setReductionFactor(REDUCTION_FACTOR_EDEFAULT);
				return;
			case ExperimentPackage.SWEEP__PARALLEL:
				setParallel(PARALLEL_EDEFAULT);
				return;
			case ExperimentPackage.SWEEP__ANALYSES:
				getAnalyses().clear();
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
			case ExperimentPackage.SWEEP__PARAMETERS:
				return parameters != null && !parameters.isEmpty();
			case ExperimentPackage.SWEEP__SEEDS:
				return SEEDS_EDEFAULT == null ? seeds != null : !SEEDS_EDEFAULT.equals(seeds);
			case ExperimentPackage.SWEEP__TRIALS:
				return trials != TRIALS_EDEFAULT;
			case ExperimentPackage.SWEEP__SEARCH_SEED:
				return searchSeed != SEARCH_SEED_EDEFAULT;
			case ExperimentPackage.SWEEP__METRIC:
				return METRIC_EDEFAULT == null ? metric != null : !METRIC_EDEFAULT.equals(metric);
			case ExperimentPackage.SWEEP__MODE:
				return MODE_EDEFAULT == null ? mode != null : !MODE_EDEFAULT.equals(mode);
			case ExperimentPackage.SWEEP__SCHEDULER:
				return SCHEDULER_EDEFAULT == null ? scheduler != null : !SCHEDULER_EDEFAULT.equals(scheduler);
			case ExperimentPackage.SWEEP__GRACE_PERIOD:
				return gracePeriod != GRACE_PERIOD_EDEFAULT;
			case ExperimentPackage.SWEEP__REDUCTION_FACTOR:
				return reductionFactor != REDUCTION_FACTOR_EDEFAULT;
			case ExperimentPackage.SWEEP__PARALLEL:
				return parallel != PARALLEL_EDEFAULT;
			case ExperimentPackage.SWEEP__ANALYSES:
				return analyses != null && !analyses.isEmpty();
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
		result.append(" (seeds: ");
		result.append(seeds);
		result.append(", trials: ");
		result.append(trials);
		result.append(", searchSeed: ");
		result.append(searchSeed);
		result.append(", metric: ");
		result.append(metric);
		result.append(", mode: ");
		result.append(mode);
		result.append(", scheduler: ");
		result.append(scheduler);
		result.append(", gracePeriod: ");
		result.append(gracePeriod);
		result.append(", reductionFactor: ");
		result.append(reductionFactor);
		result.append(", parallel: ");
		result.append(parallel);
		result.append(", analyses: ");
		result.append(analyses);
		result.append(')');
		return result.toString();
	}

} //SweepImpl
