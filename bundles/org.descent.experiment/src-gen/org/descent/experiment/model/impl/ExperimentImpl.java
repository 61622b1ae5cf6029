/**
 */
package org.descent.experiment.model.impl;

import java.util.Collection;

import org.descent.core.Precision;

import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.ExperimentPackage;
import org.descent.experiment.model.Sweep;

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
 * An implementation of the model object '<em><b>Experiment</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getName <em>Name</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getDescription <em>Description</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getDataset <em>Dataset</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getModel <em>Model</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getLoss <em>Loss</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getOptimizer <em>Optimizer</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getSchedule <em>Schedule</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getRegularizers <em>Regularizers</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getProbes <em>Probes</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getSweep <em>Sweep</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getBatchSize <em>Batch Size</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getEpochs <em>Epochs</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getSteps <em>Steps</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getLossTolerance <em>Loss Tolerance</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getGradientTolerance <em>Gradient Tolerance</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getSeed <em>Seed</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getPrecision <em>Precision</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getClipNorm <em>Clip Norm</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getClipValue <em>Clip Value</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getValidationFraction <em>Validation Fraction</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getCheckpointEvery <em>Checkpoint Every</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getDevice <em>Device</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.ExperimentImpl#getThreads <em>Threads</em>}</li>
 * </ul>
 *
 * @generated
 */
public class ExperimentImpl extends MinimalEObjectImpl.Container implements Experiment {
	/**
	 * The default value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected static final String NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected String name = NAME_EDEFAULT;

	/**
	 * The default value of the '{@link #getDescription() <em>Description</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDescription()
	 * @generated
	 * @ordered
	 */
	protected static final String DESCRIPTION_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getDescription() <em>Description</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDescription()
	 * @generated
	 * @ordered
	 */
	protected String description = DESCRIPTION_EDEFAULT;

	/**
	 * The cached value of the '{@link #getDataset() <em>Dataset</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDataset()
	 * @generated
	 * @ordered
	 */
	protected Component dataset;

	/**
	 * The cached value of the '{@link #getModel() <em>Model</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getModel()
	 * @generated
	 * @ordered
	 */
	protected Component model;

	/**
	 * The cached value of the '{@link #getLoss() <em>Loss</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLoss()
	 * @generated
	 * @ordered
	 */
	protected Component loss;

	/**
	 * The cached value of the '{@link #getOptimizer() <em>Optimizer</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOptimizer()
	 * @generated
	 * @ordered
	 */
	protected Component optimizer;

	/**
	 * The cached value of the '{@link #getSchedule() <em>Schedule</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSchedule()
	 * @generated
	 * @ordered
	 */
	protected Component schedule;

	/**
	 * The cached value of the '{@link #getRegularizers() <em>Regularizers</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRegularizers()
	 * @generated
	 * @ordered
	 */
	protected EList<Component> regularizers;

	/**
	 * The cached value of the '{@link #getProbes() <em>Probes</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getProbes()
	 * @generated
	 * @ordered
	 */
	protected EList<Component> probes;

	/**
	 * The cached value of the '{@link #getSweep() <em>Sweep</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSweep()
	 * @generated
	 * @ordered
	 */
	protected Sweep sweep;

	/**
	 * The default value of the '{@link #getBatchSize() <em>Batch Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBatchSize()
	 * @generated
	 * @ordered
	 */
	protected static final int BATCH_SIZE_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getBatchSize() <em>Batch Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getBatchSize()
	 * @generated
	 * @ordered
	 */
	protected int batchSize = BATCH_SIZE_EDEFAULT;

	/**
	 * The default value of the '{@link #getEpochs() <em>Epochs</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEpochs()
	 * @generated
	 * @ordered
	 */
	protected static final int EPOCHS_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getEpochs() <em>Epochs</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEpochs()
	 * @generated
	 * @ordered
	 */
	protected int epochs = EPOCHS_EDEFAULT;

	/**
	 * The default value of the '{@link #getSteps() <em>Steps</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSteps()
	 * @generated
	 * @ordered
	 */
	protected static final long STEPS_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getSteps() <em>Steps</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSteps()
	 * @generated
	 * @ordered
	 */
	protected long steps = STEPS_EDEFAULT;

	/**
	 * The default value of the '{@link #getLossTolerance() <em>Loss Tolerance</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLossTolerance()
	 * @generated
	 * @ordered
	 */
	protected static final double LOSS_TOLERANCE_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getLossTolerance() <em>Loss Tolerance</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLossTolerance()
	 * @generated
	 * @ordered
	 */
	protected double lossTolerance = LOSS_TOLERANCE_EDEFAULT;

	/**
	 * The default value of the '{@link #getGradientTolerance() <em>Gradient Tolerance</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGradientTolerance()
	 * @generated
	 * @ordered
	 */
	protected static final double GRADIENT_TOLERANCE_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getGradientTolerance() <em>Gradient Tolerance</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGradientTolerance()
	 * @generated
	 * @ordered
	 */
	protected double gradientTolerance = GRADIENT_TOLERANCE_EDEFAULT;

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
	 * The default value of the '{@link #getClipNorm() <em>Clip Norm</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getClipNorm()
	 * @generated
	 * @ordered
	 */
	protected static final double CLIP_NORM_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getClipNorm() <em>Clip Norm</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getClipNorm()
	 * @generated
	 * @ordered
	 */
	protected double clipNorm = CLIP_NORM_EDEFAULT;

	/**
	 * The default value of the '{@link #getClipValue() <em>Clip Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getClipValue()
	 * @generated
	 * @ordered
	 */
	protected static final double CLIP_VALUE_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getClipValue() <em>Clip Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getClipValue()
	 * @generated
	 * @ordered
	 */
	protected double clipValue = CLIP_VALUE_EDEFAULT;

	/**
	 * The default value of the '{@link #getValidationFraction() <em>Validation Fraction</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getValidationFraction()
	 * @generated
	 * @ordered
	 */
	protected static final double VALIDATION_FRACTION_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getValidationFraction() <em>Validation Fraction</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getValidationFraction()
	 * @generated
	 * @ordered
	 */
	protected double validationFraction = VALIDATION_FRACTION_EDEFAULT;

	/**
	 * The default value of the '{@link #getCheckpointEvery() <em>Checkpoint Every</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCheckpointEvery()
	 * @generated
	 * @ordered
	 */
	protected static final long CHECKPOINT_EVERY_EDEFAULT = 1000L;

	/**
	 * The cached value of the '{@link #getCheckpointEvery() <em>Checkpoint Every</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCheckpointEvery()
	 * @generated
	 * @ordered
	 */
	protected long checkpointEvery = CHECKPOINT_EVERY_EDEFAULT;

	/**
	 * The default value of the '{@link #getDevice() <em>Device</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDevice()
	 * @generated
	 * @ordered
	 */
	protected static final String DEVICE_EDEFAULT = "auto";

	/**
	 * The cached value of the '{@link #getDevice() <em>Device</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDevice()
	 * @generated
	 * @ordered
	 */
	protected String device = DEVICE_EDEFAULT;

	/**
	 * The default value of the '{@link #getThreads() <em>Threads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getThreads()
	 * @generated
	 * @ordered
	 */
	protected static final int THREADS_EDEFAULT = 0;

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
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected ExperimentImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return ExperimentPackage.Literals.EXPERIMENT;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getName() {
		return name;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setName(String newName) {
		String oldName = name;
		name = newName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__NAME, oldName, name));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getDescription() {
		return description;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDescription(String newDescription) {
		String oldDescription = description;
		description = newDescription;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__DESCRIPTION, oldDescription, description));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Component getDataset() {
		return dataset;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetDataset(Component newDataset, NotificationChain msgs) {
		Component oldDataset = dataset;
		dataset = newDataset;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__DATASET, oldDataset, newDataset);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDataset(Component newDataset) {
		if (newDataset != dataset) {
			NotificationChain msgs = null;
			if (dataset != null)
				msgs = ((InternalEObject)dataset).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__DATASET, null, msgs);
			if (newDataset != null)
				msgs = ((InternalEObject)newDataset).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__DATASET, null, msgs);
			msgs = basicSetDataset(newDataset, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__DATASET, newDataset, newDataset));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Component getModel() {
		return model;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetModel(Component newModel, NotificationChain msgs) {
		Component oldModel = model;
		model = newModel;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__MODEL, oldModel, newModel);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setModel(Component newModel) {
		if (newModel != model) {
			NotificationChain msgs = null;
			if (model != null)
				msgs = ((InternalEObject)model).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__MODEL, null, msgs);
			if (newModel != null)
				msgs = ((InternalEObject)newModel).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__MODEL, null, msgs);
			msgs = basicSetModel(newModel, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__MODEL, newModel, newModel));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Component getLoss() {
		return loss;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetLoss(Component newLoss, NotificationChain msgs) {
		Component oldLoss = loss;
		loss = newLoss;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__LOSS, oldLoss, newLoss);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setLoss(Component newLoss) {
		if (newLoss != loss) {
			NotificationChain msgs = null;
			if (loss != null)
				msgs = ((InternalEObject)loss).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__LOSS, null, msgs);
			if (newLoss != null)
				msgs = ((InternalEObject)newLoss).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__LOSS, null, msgs);
			msgs = basicSetLoss(newLoss, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__LOSS, newLoss, newLoss));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Component getOptimizer() {
		return optimizer;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetOptimizer(Component newOptimizer, NotificationChain msgs) {
		Component oldOptimizer = optimizer;
		optimizer = newOptimizer;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__OPTIMIZER, oldOptimizer, newOptimizer);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setOptimizer(Component newOptimizer) {
		if (newOptimizer != optimizer) {
			NotificationChain msgs = null;
			if (optimizer != null)
				msgs = ((InternalEObject)optimizer).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__OPTIMIZER, null, msgs);
			if (newOptimizer != null)
				msgs = ((InternalEObject)newOptimizer).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__OPTIMIZER, null, msgs);
			msgs = basicSetOptimizer(newOptimizer, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__OPTIMIZER, newOptimizer, newOptimizer));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Component getSchedule() {
		return schedule;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetSchedule(Component newSchedule, NotificationChain msgs) {
		Component oldSchedule = schedule;
		schedule = newSchedule;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__SCHEDULE, oldSchedule, newSchedule);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSchedule(Component newSchedule) {
		if (newSchedule != schedule) {
			NotificationChain msgs = null;
			if (schedule != null)
				msgs = ((InternalEObject)schedule).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__SCHEDULE, null, msgs);
			if (newSchedule != null)
				msgs = ((InternalEObject)newSchedule).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__SCHEDULE, null, msgs);
			msgs = basicSetSchedule(newSchedule, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__SCHEDULE, newSchedule, newSchedule));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Component> getRegularizers() {
		if (regularizers == null) {
			regularizers = new EObjectContainmentEList<Component>(Component.class, this, ExperimentPackage.EXPERIMENT__REGULARIZERS);
		}
		return regularizers;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Component> getProbes() {
		if (probes == null) {
			probes = new EObjectContainmentEList<Component>(Component.class, this, ExperimentPackage.EXPERIMENT__PROBES);
		}
		return probes;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Sweep getSweep() {
		return sweep;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetSweep(Sweep newSweep, NotificationChain msgs) {
		Sweep oldSweep = sweep;
		sweep = newSweep;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__SWEEP, oldSweep, newSweep);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSweep(Sweep newSweep) {
		if (newSweep != sweep) {
			NotificationChain msgs = null;
			if (sweep != null)
				msgs = ((InternalEObject)sweep).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__SWEEP, null, msgs);
			if (newSweep != null)
				msgs = ((InternalEObject)newSweep).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.EXPERIMENT__SWEEP, null, msgs);
			msgs = basicSetSweep(newSweep, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__SWEEP, newSweep, newSweep));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getBatchSize() {
		return batchSize;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setBatchSize(int newBatchSize) {
		int oldBatchSize = batchSize;
		batchSize = newBatchSize;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__BATCH_SIZE, oldBatchSize, batchSize));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getEpochs() {
		return epochs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setEpochs(int newEpochs) {
		int oldEpochs = epochs;
		epochs = newEpochs;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__EPOCHS, oldEpochs, epochs));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getSteps() {
		return steps;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSteps(long newSteps) {
		long oldSteps = steps;
		steps = newSteps;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__STEPS, oldSteps, steps));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getLossTolerance() {
		return lossTolerance;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setLossTolerance(double newLossTolerance) {
		double oldLossTolerance = lossTolerance;
		lossTolerance = newLossTolerance;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__LOSS_TOLERANCE, oldLossTolerance, lossTolerance));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getGradientTolerance() {
		return gradientTolerance;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setGradientTolerance(double newGradientTolerance) {
		double oldGradientTolerance = gradientTolerance;
		gradientTolerance = newGradientTolerance;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__GRADIENT_TOLERANCE, oldGradientTolerance, gradientTolerance));
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
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__SEED, oldSeed, seed));
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
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__PRECISION, oldPrecision, precision));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getClipNorm() {
		return clipNorm;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setClipNorm(double newClipNorm) {
		double oldClipNorm = clipNorm;
		clipNorm = newClipNorm;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__CLIP_NORM, oldClipNorm, clipNorm));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getClipValue() {
		return clipValue;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setClipValue(double newClipValue) {
		double oldClipValue = clipValue;
		clipValue = newClipValue;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__CLIP_VALUE, oldClipValue, clipValue));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getValidationFraction() {
		return validationFraction;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setValidationFraction(double newValidationFraction) {
		double oldValidationFraction = validationFraction;
		validationFraction = newValidationFraction;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__VALIDATION_FRACTION, oldValidationFraction, validationFraction));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getCheckpointEvery() {
		return checkpointEvery;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCheckpointEvery(long newCheckpointEvery) {
		long oldCheckpointEvery = checkpointEvery;
		checkpointEvery = newCheckpointEvery;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__CHECKPOINT_EVERY, oldCheckpointEvery, checkpointEvery));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getDevice() {
		return device;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDevice(String newDevice) {
		String oldDevice = device;
		device = newDevice;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__DEVICE, oldDevice, device));
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
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.EXPERIMENT__THREADS, oldThreads, threads));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case ExperimentPackage.EXPERIMENT__DATASET:
				return basicSetDataset(null, msgs);
			case ExperimentPackage.EXPERIMENT__MODEL:
				return basicSetModel(null, msgs);
			case ExperimentPackage.EXPERIMENT__LOSS:
				return basicSetLoss(null, msgs);
			case ExperimentPackage.EXPERIMENT__OPTIMIZER:
				return basicSetOptimizer(null, msgs);
			case ExperimentPackage.EXPERIMENT__SCHEDULE:
				return basicSetSchedule(null, msgs);
			case ExperimentPackage.EXPERIMENT__REGULARIZERS:
				return ((InternalEList<?>)getRegularizers()).basicRemove(otherEnd, msgs);
			case ExperimentPackage.EXPERIMENT__PROBES:
				return ((InternalEList<?>)getProbes()).basicRemove(otherEnd, msgs);
			case ExperimentPackage.EXPERIMENT__SWEEP:
				return basicSetSweep(null, msgs);
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
			case ExperimentPackage.EXPERIMENT__NAME:
				return getName();
			case ExperimentPackage.EXPERIMENT__DESCRIPTION:
				return getDescription();
			case ExperimentPackage.EXPERIMENT__DATASET:
				return getDataset();
			case ExperimentPackage.EXPERIMENT__MODEL:
				return getModel();
			case ExperimentPackage.EXPERIMENT__LOSS:
				return getLoss();
			case ExperimentPackage.EXPERIMENT__OPTIMIZER:
				return getOptimizer();
			case ExperimentPackage.EXPERIMENT__SCHEDULE:
				return getSchedule();
			case ExperimentPackage.EXPERIMENT__REGULARIZERS:
				return getRegularizers();
			case ExperimentPackage.EXPERIMENT__PROBES:
				return getProbes();
			case ExperimentPackage.EXPERIMENT__SWEEP:
				return getSweep();
			case ExperimentPackage.EXPERIMENT__BATCH_SIZE:
				return getBatchSize();
			case ExperimentPackage.EXPERIMENT__EPOCHS:
				return getEpochs();
			case ExperimentPackage.EXPERIMENT__STEPS:
				return getSteps();
			case ExperimentPackage.EXPERIMENT__LOSS_TOLERANCE:
				return getLossTolerance();
			case ExperimentPackage.EXPERIMENT__GRADIENT_TOLERANCE:
				return getGradientTolerance();
			case ExperimentPackage.EXPERIMENT__SEED:
				return getSeed();
			case ExperimentPackage.EXPERIMENT__PRECISION:
				return getPrecision();
			case ExperimentPackage.EXPERIMENT__CLIP_NORM:
				return getClipNorm();
			case ExperimentPackage.EXPERIMENT__CLIP_VALUE:
				return getClipValue();
			case ExperimentPackage.EXPERIMENT__VALIDATION_FRACTION:
				return getValidationFraction();
			case ExperimentPackage.EXPERIMENT__CHECKPOINT_EVERY:
				return getCheckpointEvery();
			case ExperimentPackage.EXPERIMENT__DEVICE:
				return getDevice();
			case ExperimentPackage.EXPERIMENT__THREADS:
				return getThreads();
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
			case ExperimentPackage.EXPERIMENT__NAME:
				setName((String)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__DESCRIPTION:
				setDescription((String)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__DATASET:
				setDataset((Component)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__MODEL:
				setModel((Component)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__LOSS:
				setLoss((Component)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__OPTIMIZER:
				setOptimizer((Component)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__SCHEDULE:
				setSchedule((Component)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__REGULARIZERS:
				getRegularizers().clear();
				getRegularizers().addAll((Collection<? extends Component>)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__PROBES:
				getProbes().clear();
				getProbes().addAll((Collection<? extends Component>)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__SWEEP:
				setSweep((Sweep)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__BATCH_SIZE:
				setBatchSize((Integer)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__EPOCHS:
				setEpochs((Integer)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__STEPS:
				setSteps((Long)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__LOSS_TOLERANCE:
				setLossTolerance((Double)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__GRADIENT_TOLERANCE:
				setGradientTolerance((Double)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__SEED:
				setSeed((Long)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__PRECISION:
				setPrecision((Precision)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__CLIP_NORM:
				setClipNorm((Double)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__CLIP_VALUE:
				setClipValue((Double)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__VALIDATION_FRACTION:
				setValidationFraction((Double)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__CHECKPOINT_EVERY:
				setCheckpointEvery((Long)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__DEVICE:
				setDevice((String)newValue);
				return;
			case ExperimentPackage.EXPERIMENT__THREADS:
				setThreads((Integer)newValue);
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
			case ExperimentPackage.EXPERIMENT__NAME:
				setName(NAME_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__DESCRIPTION:
				setDescription(DESCRIPTION_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__DATASET:
				setDataset((Component)null);
				return;
			case ExperimentPackage.EXPERIMENT__MODEL:
				setModel((Component)null);
				return;
			case ExperimentPackage.EXPERIMENT__LOSS:
				setLoss((Component)null);
				return;
			case ExperimentPackage.EXPERIMENT__OPTIMIZER:
				setOptimizer((Component)null);
				return;
			case ExperimentPackage.EXPERIMENT__SCHEDULE:
				setSchedule((Component)null);
				return;
			case ExperimentPackage.EXPERIMENT__REGULARIZERS:
				getRegularizers().clear();
				return;
			case ExperimentPackage.EXPERIMENT__PROBES:
				getProbes().clear();
				return;
			case ExperimentPackage.EXPERIMENT__SWEEP:
				setSweep((Sweep)null);
				return;
			case ExperimentPackage.EXPERIMENT__BATCH_SIZE:
				setBatchSize(BATCH_SIZE_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__EPOCHS:
				setEpochs(EPOCHS_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__STEPS:
				setSteps(STEPS_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__LOSS_TOLERANCE:
				setLossTolerance(LOSS_TOLERANCE_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__GRADIENT_TOLERANCE:
				setGradientTolerance(GRADIENT_TOLERANCE_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__SEED:
				setSeed(SEED_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__PRECISION:
				setPrecision(PRECISION_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__CLIP_NORM:
				setClipNorm(CLIP_NORM_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__CLIP_VALUE:
				setClipValue(CLIP_VALUE_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__VALIDATION_FRACTION:
				setValidationFraction(VALIDATION_FRACTION_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__CHECKPOINT_EVERY:
				setCheckpointEvery(CHECKPOINT_EVERY_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__DEVICE:
				setDevice(DEVICE_EDEFAULT);
				return;
			case ExperimentPackage.EXPERIMENT__THREADS:
				setThreads(THREADS_EDEFAULT);
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
			case ExperimentPackage.EXPERIMENT__NAME:
				return NAME_EDEFAULT == null ? name != null : !NAME_EDEFAULT.equals(name);
			case ExperimentPackage.EXPERIMENT__DESCRIPTION:
				return DESCRIPTION_EDEFAULT == null ? description != null : !DESCRIPTION_EDEFAULT.equals(description);
			case ExperimentPackage.EXPERIMENT__DATASET:
				return dataset != null;
			case ExperimentPackage.EXPERIMENT__MODEL:
				return model != null;
			case ExperimentPackage.EXPERIMENT__LOSS:
				return loss != null;
			case ExperimentPackage.EXPERIMENT__OPTIMIZER:
				return optimizer != null;
			case ExperimentPackage.EXPERIMENT__SCHEDULE:
				return schedule != null;
			case ExperimentPackage.EXPERIMENT__REGULARIZERS:
				return regularizers != null && !regularizers.isEmpty();
			case ExperimentPackage.EXPERIMENT__PROBES:
				return probes != null && !probes.isEmpty();
			case ExperimentPackage.EXPERIMENT__SWEEP:
				return sweep != null;
			case ExperimentPackage.EXPERIMENT__BATCH_SIZE:
				return batchSize != BATCH_SIZE_EDEFAULT;
			case ExperimentPackage.EXPERIMENT__EPOCHS:
				return epochs != EPOCHS_EDEFAULT;
			case ExperimentPackage.EXPERIMENT__STEPS:
				return steps != STEPS_EDEFAULT;
			case ExperimentPackage.EXPERIMENT__LOSS_TOLERANCE:
				return lossTolerance != LOSS_TOLERANCE_EDEFAULT;
			case ExperimentPackage.EXPERIMENT__GRADIENT_TOLERANCE:
				return gradientTolerance != GRADIENT_TOLERANCE_EDEFAULT;
			case ExperimentPackage.EXPERIMENT__SEED:
				return seed != SEED_EDEFAULT;
			case ExperimentPackage.EXPERIMENT__PRECISION:
				return PRECISION_EDEFAULT == null ? precision != null : !PRECISION_EDEFAULT.equals(precision);
			case ExperimentPackage.EXPERIMENT__CLIP_NORM:
				return clipNorm != CLIP_NORM_EDEFAULT;
			case ExperimentPackage.EXPERIMENT__CLIP_VALUE:
				return clipValue != CLIP_VALUE_EDEFAULT;
			case ExperimentPackage.EXPERIMENT__VALIDATION_FRACTION:
				return validationFraction != VALIDATION_FRACTION_EDEFAULT;
			case ExperimentPackage.EXPERIMENT__CHECKPOINT_EVERY:
				return checkpointEvery != CHECKPOINT_EVERY_EDEFAULT;
			case ExperimentPackage.EXPERIMENT__DEVICE:
				return DEVICE_EDEFAULT == null ? device != null : !DEVICE_EDEFAULT.equals(device);
			case ExperimentPackage.EXPERIMENT__THREADS:
				return threads != THREADS_EDEFAULT;
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
		result.append(" (name: ");
		result.append(name);
		result.append(", description: ");
		result.append(description);
		result.append(", batchSize: ");
		result.append(batchSize);
		result.append(", epochs: ");
		result.append(epochs);
		result.append(", steps: ");
		result.append(steps);
		result.append(", lossTolerance: ");
		result.append(lossTolerance);
		result.append(", gradientTolerance: ");
		result.append(gradientTolerance);
		result.append(", seed: ");
		result.append(seed);
		result.append(", precision: ");
		result.append(precision);
		result.append(", clipNorm: ");
		result.append(clipNorm);
		result.append(", clipValue: ");
		result.append(clipValue);
		result.append(", validationFraction: ");
		result.append(validationFraction);
		result.append(", checkpointEvery: ");
		result.append(checkpointEvery);
		result.append(", device: ");
		result.append(device);
		result.append(", threads: ");
		result.append(threads);
		result.append(')');
		return result.toString();
	}

} //ExperimentImpl
