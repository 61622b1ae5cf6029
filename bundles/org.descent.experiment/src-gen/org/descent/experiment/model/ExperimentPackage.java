/**
 */
package org.descent.experiment.model;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;

/**
 * <!-- begin-user-doc -->
 * The <b>Package</b> for the model.
 * It contains accessors for the meta objects to represent
 * <ul>
 *   <li>each class,</li>
 *   <li>each feature of each class,</li>
 *   <li>each operation of each class,</li>
 *   <li>each enum,</li>
 *   <li>and each data type</li>
 * </ul>
 * <!-- end-user-doc -->
 * <!-- begin-model-doc -->
 * Descent's experiment model: what to train (data set, model, loss, optimizer and their hyperparameter values, budget, tolerances, seed, precision) and what happened (runs with status, metrics and provenance). Saved as XMI in .descent files.
 * <!-- end-model-doc -->
 * @see org.descent.experiment.model.ExperimentFactory
 * @model kind="package"
 * @generated
 */
public interface ExperimentPackage extends EPackage {
	/**
	 * The package name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNAME = "model";

	/**
	 * The package namespace URI.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_URI = "http://descent.org/experiment/1.0";

	/**
	 * The package namespace name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_PREFIX = "descent";

	/**
	 * The singleton instance of the package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	ExperimentPackage eINSTANCE = org.descent.experiment.model.impl.ExperimentPackageImpl.init();

	/**
	 * The meta object id for the '{@link org.descent.experiment.model.impl.ExperimentImpl <em>Experiment</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.descent.experiment.model.impl.ExperimentImpl
	 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getExperiment()
	 * @generated
	 */
	int EXPERIMENT = 0;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__NAME = 0;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__DESCRIPTION = 1;

	/**
	 * The feature id for the '<em><b>Dataset</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__DATASET = 2;

	/**
	 * The feature id for the '<em><b>Model</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__MODEL = 3;

	/**
	 * The feature id for the '<em><b>Loss</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__LOSS = 4;

	/**
	 * The feature id for the '<em><b>Optimizer</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__OPTIMIZER = 5;

	/**
	 * The feature id for the '<em><b>Schedule</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__SCHEDULE = 6;

	/**
	 * The feature id for the '<em><b>Regularizers</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__REGULARIZERS = 7;

	/**
	 * The feature id for the '<em><b>Probes</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__PROBES = 8;

	/**
	 * The feature id for the '<em><b>Sweep</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__SWEEP = 9;

	/**
	 * The feature id for the '<em><b>Batch Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__BATCH_SIZE = 10;

	/**
	 * The feature id for the '<em><b>Epochs</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__EPOCHS = 11;

	/**
	 * The feature id for the '<em><b>Steps</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__STEPS = 12;

	/**
	 * The feature id for the '<em><b>Loss Tolerance</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__LOSS_TOLERANCE = 13;

	/**
	 * The feature id for the '<em><b>Gradient Tolerance</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__GRADIENT_TOLERANCE = 14;

	/**
	 * The feature id for the '<em><b>Seed</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__SEED = 15;

	/**
	 * The feature id for the '<em><b>Precision</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__PRECISION = 16;

	/**
	 * The feature id for the '<em><b>Clip Norm</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__CLIP_NORM = 17;

	/**
	 * The feature id for the '<em><b>Clip Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__CLIP_VALUE = 18;

	/**
	 * The feature id for the '<em><b>Validation Fraction</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__VALIDATION_FRACTION = 19;

	/**
	 * The feature id for the '<em><b>Checkpoint Every</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__CHECKPOINT_EVERY = 20;

	/**
	 * The feature id for the '<em><b>Device</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__DEVICE = 21;

	/**
	 * The feature id for the '<em><b>Threads</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT__THREADS = 22;

	/**
	 * The number of structural features of the '<em>Experiment</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT_FEATURE_COUNT = 23;

	/**
	 * The number of operations of the '<em>Experiment</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EXPERIMENT_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.descent.experiment.model.impl.ComponentImpl <em>Component</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.descent.experiment.model.impl.ComponentImpl
	 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getComponent()
	 * @generated
	 */
	int COMPONENT = 1;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int COMPONENT__ID = 0;

	/**
	 * The feature id for the '<em><b>Settings</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int COMPONENT__SETTINGS = 1;

	/**
	 * The number of structural features of the '<em>Component</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int COMPONENT_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Component</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int COMPONENT_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.descent.experiment.model.impl.SettingImpl <em>Setting</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.descent.experiment.model.impl.SettingImpl
	 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getSetting()
	 * @generated
	 */
	int SETTING = 2;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SETTING__NAME = 0;

	/**
	 * The feature id for the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SETTING__VALUE = 1;

	/**
	 * The number of structural features of the '<em>Setting</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SETTING_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Setting</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SETTING_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.descent.experiment.model.impl.SweepImpl <em>Sweep</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.descent.experiment.model.impl.SweepImpl
	 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getSweep()
	 * @generated
	 */
	int SWEEP = 3;

	/**
	 * The feature id for the '<em><b>Parameters</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP__PARAMETERS = 0;

	/**
	 * The feature id for the '<em><b>Seeds</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP__SEEDS = 1;

	/**
	 * The feature id for the '<em><b>Trials</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP__TRIALS = 2;

	/**
	 * The feature id for the '<em><b>Search Seed</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP__SEARCH_SEED = 3;

	/**
	 * The feature id for the '<em><b>Metric</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP__METRIC = 4;

	/**
	 * The feature id for the '<em><b>Mode</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP__MODE = 5;

	/**
	 * The feature id for the '<em><b>Scheduler</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP__SCHEDULER = 6;

	/**
	 * The feature id for the '<em><b>Grace Period</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP__GRACE_PERIOD = 7;

	/**
	 * The feature id for the '<em><b>Reduction Factor</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP__REDUCTION_FACTOR = 8;

	/**
	 * The feature id for the '<em><b>Parallel</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP__PARALLEL = 9;

	/**
	 * The feature id for the '<em><b>Analyses</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP__ANALYSES = 10;

	/**
	 * The number of structural features of the '<em>Sweep</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP_FEATURE_COUNT = 11;

	/**
	 * The number of operations of the '<em>Sweep</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEEP_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.descent.experiment.model.impl.SweptParameterImpl <em>Swept Parameter</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.descent.experiment.model.impl.SweptParameterImpl
	 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getSweptParameter()
	 * @generated
	 */
	int SWEPT_PARAMETER = 4;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEPT_PARAMETER__NAME = 0;

	/**
	 * The feature id for the '<em><b>Distribution</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEPT_PARAMETER__DISTRIBUTION = 1;

	/**
	 * The number of structural features of the '<em>Swept Parameter</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEPT_PARAMETER_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Swept Parameter</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SWEPT_PARAMETER_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.descent.experiment.model.impl.RunImpl <em>Run</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.descent.experiment.model.impl.RunImpl
	 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getRun()
	 * @generated
	 */
	int RUN = 5;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__NAME = 0;

	/**
	 * The feature id for the '<em><b>Experiment</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__EXPERIMENT = 1;

	/**
	 * The feature id for the '<em><b>Status</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__STATUS = 2;

	/**
	 * The feature id for the '<em><b>Message</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__MESSAGE = 3;

	/**
	 * The feature id for the '<em><b>Step</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__STEP = 4;

	/**
	 * The feature id for the '<em><b>Epoch</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__EPOCH = 5;

	/**
	 * The feature id for the '<em><b>Created</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__CREATED = 6;

	/**
	 * The feature id for the '<em><b>Ended</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__ENDED = 7;

	/**
	 * The feature id for the '<em><b>Wall Seconds</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__WALL_SECONDS = 8;

	/**
	 * The feature id for the '<em><b>Pid</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__PID = 9;

	/**
	 * The feature id for the '<em><b>Process Start</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__PROCESS_START = 10;

	/**
	 * The feature id for the '<em><b>Process Host</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__PROCESS_HOST = 11;

	/**
	 * The feature id for the '<em><b>Metrics</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__METRICS = 12;

	/**
	 * The feature id for the '<em><b>Provenance</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN__PROVENANCE = 13;

	/**
	 * The number of structural features of the '<em>Run</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_FEATURE_COUNT = 14;

	/**
	 * The number of operations of the '<em>Run</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RUN_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.descent.experiment.model.impl.MetricImpl <em>Metric</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.descent.experiment.model.impl.MetricImpl
	 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getMetric()
	 * @generated
	 */
	int METRIC = 6;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int METRIC__NAME = 0;

	/**
	 * The feature id for the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int METRIC__VALUE = 1;

	/**
	 * The number of structural features of the '<em>Metric</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int METRIC_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Metric</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int METRIC_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.descent.experiment.model.impl.ProvenanceImpl <em>Provenance</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.descent.experiment.model.impl.ProvenanceImpl
	 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getProvenance()
	 * @generated
	 */
	int PROVENANCE = 7;

	/**
	 * The feature id for the '<em><b>Descent Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__DESCENT_VERSION = 0;

	/**
	 * The feature id for the '<em><b>Java Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__JAVA_VERSION = 1;

	/**
	 * The feature id for the '<em><b>Java Vendor</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__JAVA_VENDOR = 2;

	/**
	 * The feature id for the '<em><b>Os</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__OS = 3;

	/**
	 * The feature id for the '<em><b>Host</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__HOST = 4;

	/**
	 * The feature id for the '<em><b>Threads</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__THREADS = 5;

	/**
	 * The feature id for the '<em><b>Backend</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__BACKEND = 6;

	/**
	 * The feature id for the '<em><b>Seed</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__SEED = 7;

	/**
	 * The feature id for the '<em><b>Precision</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__PRECISION = 8;

	/**
	 * The feature id for the '<em><b>Data Fingerprint</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__DATA_FINGERPRINT = 9;

	/**
	 * The feature id for the '<em><b>Resolved</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__RESOLVED = 10;

	/**
	 * The feature id for the '<em><b>Update</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE__UPDATE = 11;

	/**
	 * The number of structural features of the '<em>Provenance</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE_FEATURE_COUNT = 12;

	/**
	 * The number of operations of the '<em>Provenance</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int PROVENANCE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link org.descent.experiment.model.impl.ResolvedComponentImpl <em>Resolved Component</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.descent.experiment.model.impl.ResolvedComponentImpl
	 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getResolvedComponent()
	 * @generated
	 */
	int RESOLVED_COMPONENT = 8;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESOLVED_COMPONENT__ID = COMPONENT__ID;

	/**
	 * The feature id for the '<em><b>Settings</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESOLVED_COMPONENT__SETTINGS = COMPONENT__SETTINGS;

	/**
	 * The feature id for the '<em><b>Role</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESOLVED_COMPONENT__ROLE = COMPONENT_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Bundle</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESOLVED_COMPONENT__BUNDLE = COMPONENT_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Bundle Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESOLVED_COMPONENT__BUNDLE_VERSION = COMPONENT_FEATURE_COUNT + 2;

	/**
	 * The number of structural features of the '<em>Resolved Component</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESOLVED_COMPONENT_FEATURE_COUNT = COMPONENT_FEATURE_COUNT + 3;

	/**
	 * The number of operations of the '<em>Resolved Component</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESOLVED_COMPONENT_OPERATION_COUNT = COMPONENT_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '<em>Precision</em>' data type.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.descent.core.Precision
	 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getPrecision()
	 * @generated
	 */
	int PRECISION = 9;

	/**
	 * The meta object id for the '<em>Run Status</em>' data type.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see org.descent.core.RunStatus
	 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getRunStatus()
	 * @generated
	 */
	int RUN_STATUS = 10;


	/**
	 * Returns the meta object for class '{@link org.descent.experiment.model.Experiment <em>Experiment</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Experiment</em>'.
	 * @see org.descent.experiment.model.Experiment
	 * @generated
	 */
	EClass getExperiment();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.descent.experiment.model.Experiment#getName()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getDescription <em>Description</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Description</em>'.
	 * @see org.descent.experiment.model.Experiment#getDescription()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_Description();

	/**
	 * Returns the meta object for the containment reference '{@link org.descent.experiment.model.Experiment#getDataset <em>Dataset</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Dataset</em>'.
	 * @see org.descent.experiment.model.Experiment#getDataset()
	 * @see #getExperiment()
	 * @generated
	 */
	EReference getExperiment_Dataset();

	/**
	 * Returns the meta object for the containment reference '{@link org.descent.experiment.model.Experiment#getModel <em>Model</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Model</em>'.
	 * @see org.descent.experiment.model.Experiment#getModel()
	 * @see #getExperiment()
	 * @generated
	 */
	EReference getExperiment_Model();

	/**
	 * Returns the meta object for the containment reference '{@link org.descent.experiment.model.Experiment#getLoss <em>Loss</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Loss</em>'.
	 * @see org.descent.experiment.model.Experiment#getLoss()
	 * @see #getExperiment()
	 * @generated
	 */
	EReference getExperiment_Loss();

	/**
	 * Returns the meta object for the containment reference '{@link org.descent.experiment.model.Experiment#getOptimizer <em>Optimizer</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Optimizer</em>'.
	 * @see org.descent.experiment.model.Experiment#getOptimizer()
	 * @see #getExperiment()
	 * @generated
	 */
	EReference getExperiment_Optimizer();

	/**
	 * Returns the meta object for the containment reference '{@link org.descent.experiment.model.Experiment#getSchedule <em>Schedule</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Schedule</em>'.
	 * @see org.descent.experiment.model.Experiment#getSchedule()
	 * @see #getExperiment()
	 * @generated
	 */
	EReference getExperiment_Schedule();

	/**
	 * Returns the meta object for the containment reference list '{@link org.descent.experiment.model.Experiment#getRegularizers <em>Regularizers</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Regularizers</em>'.
	 * @see org.descent.experiment.model.Experiment#getRegularizers()
	 * @see #getExperiment()
	 * @generated
	 */
	EReference getExperiment_Regularizers();

	/**
	 * Returns the meta object for the containment reference list '{@link org.descent.experiment.model.Experiment#getProbes <em>Probes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Probes</em>'.
	 * @see org.descent.experiment.model.Experiment#getProbes()
	 * @see #getExperiment()
	 * @generated
	 */
	EReference getExperiment_Probes();

	/**
	 * Returns the meta object for the containment reference '{@link org.descent.experiment.model.Experiment#getSweep <em>Sweep</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Sweep</em>'.
	 * @see org.descent.experiment.model.Experiment#getSweep()
	 * @see #getExperiment()
	 * @generated
	 */
	EReference getExperiment_Sweep();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getBatchSize <em>Batch Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Batch Size</em>'.
	 * @see org.descent.experiment.model.Experiment#getBatchSize()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_BatchSize();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getEpochs <em>Epochs</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Epochs</em>'.
	 * @see org.descent.experiment.model.Experiment#getEpochs()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_Epochs();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getSteps <em>Steps</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Steps</em>'.
	 * @see org.descent.experiment.model.Experiment#getSteps()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_Steps();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getLossTolerance <em>Loss Tolerance</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Loss Tolerance</em>'.
	 * @see org.descent.experiment.model.Experiment#getLossTolerance()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_LossTolerance();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getGradientTolerance <em>Gradient Tolerance</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Gradient Tolerance</em>'.
	 * @see org.descent.experiment.model.Experiment#getGradientTolerance()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_GradientTolerance();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getSeed <em>Seed</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Seed</em>'.
	 * @see org.descent.experiment.model.Experiment#getSeed()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_Seed();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getPrecision <em>Precision</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Precision</em>'.
	 * @see org.descent.experiment.model.Experiment#getPrecision()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_Precision();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getClipNorm <em>Clip Norm</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Clip Norm</em>'.
	 * @see org.descent.experiment.model.Experiment#getClipNorm()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_ClipNorm();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getClipValue <em>Clip Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Clip Value</em>'.
	 * @see org.descent.experiment.model.Experiment#getClipValue()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_ClipValue();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getValidationFraction <em>Validation Fraction</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Validation Fraction</em>'.
	 * @see org.descent.experiment.model.Experiment#getValidationFraction()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_ValidationFraction();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getCheckpointEvery <em>Checkpoint Every</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Checkpoint Every</em>'.
	 * @see org.descent.experiment.model.Experiment#getCheckpointEvery()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_CheckpointEvery();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getDevice <em>Device</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Device</em>'.
	 * @see org.descent.experiment.model.Experiment#getDevice()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_Device();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Experiment#getThreads <em>Threads</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Threads</em>'.
	 * @see org.descent.experiment.model.Experiment#getThreads()
	 * @see #getExperiment()
	 * @generated
	 */
	EAttribute getExperiment_Threads();

	/**
	 * Returns the meta object for class '{@link org.descent.experiment.model.Component <em>Component</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Component</em>'.
	 * @see org.descent.experiment.model.Component
	 * @generated
	 */
	EClass getComponent();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Component#getId <em>Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Id</em>'.
	 * @see org.descent.experiment.model.Component#getId()
	 * @see #getComponent()
	 * @generated
	 */
	EAttribute getComponent_Id();

	/**
	 * Returns the meta object for the containment reference list '{@link org.descent.experiment.model.Component#getSettings <em>Settings</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Settings</em>'.
	 * @see org.descent.experiment.model.Component#getSettings()
	 * @see #getComponent()
	 * @generated
	 */
	EReference getComponent_Settings();

	/**
	 * Returns the meta object for class '{@link org.descent.experiment.model.Setting <em>Setting</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Setting</em>'.
	 * @see org.descent.experiment.model.Setting
	 * @generated
	 */
	EClass getSetting();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Setting#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.descent.experiment.model.Setting#getName()
	 * @see #getSetting()
	 * @generated
	 */
	EAttribute getSetting_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Setting#getValue <em>Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Value</em>'.
	 * @see org.descent.experiment.model.Setting#getValue()
	 * @see #getSetting()
	 * @generated
	 */
	EAttribute getSetting_Value();

	/**
	 * Returns the meta object for class '{@link org.descent.experiment.model.Sweep <em>Sweep</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Sweep</em>'.
	 * @see org.descent.experiment.model.Sweep
	 * @generated
	 */
	EClass getSweep();

	/**
	 * Returns the meta object for the containment reference list '{@link org.descent.experiment.model.Sweep#getParameters <em>Parameters</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Parameters</em>'.
	 * @see org.descent.experiment.model.Sweep#getParameters()
	 * @see #getSweep()
	 * @generated
	 */
	EReference getSweep_Parameters();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Sweep#getSeeds <em>Seeds</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Seeds</em>'.
	 * @see org.descent.experiment.model.Sweep#getSeeds()
	 * @see #getSweep()
	 * @generated
	 */
	EAttribute getSweep_Seeds();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Sweep#getTrials <em>Trials</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Trials</em>'.
	 * @see org.descent.experiment.model.Sweep#getTrials()
	 * @see #getSweep()
	 * @generated
	 */
	EAttribute getSweep_Trials();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Sweep#getSearchSeed <em>Search Seed</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Search Seed</em>'.
	 * @see org.descent.experiment.model.Sweep#getSearchSeed()
	 * @see #getSweep()
	 * @generated
	 */
	EAttribute getSweep_SearchSeed();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Sweep#getMetric <em>Metric</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Metric</em>'.
	 * @see org.descent.experiment.model.Sweep#getMetric()
	 * @see #getSweep()
	 * @generated
	 */
	EAttribute getSweep_Metric();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Sweep#getMode <em>Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Mode</em>'.
	 * @see org.descent.experiment.model.Sweep#getMode()
	 * @see #getSweep()
	 * @generated
	 */
	EAttribute getSweep_Mode();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Sweep#getScheduler <em>Scheduler</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Scheduler</em>'.
	 * @see org.descent.experiment.model.Sweep#getScheduler()
	 * @see #getSweep()
	 * @generated
	 */
	EAttribute getSweep_Scheduler();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Sweep#getGracePeriod <em>Grace Period</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Grace Period</em>'.
	 * @see org.descent.experiment.model.Sweep#getGracePeriod()
	 * @see #getSweep()
	 * @generated
	 */
	EAttribute getSweep_GracePeriod();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Sweep#getReductionFactor <em>Reduction Factor</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Reduction Factor</em>'.
	 * @see org.descent.experiment.model.Sweep#getReductionFactor()
	 * @see #getSweep()
	 * @generated
	 */
	EAttribute getSweep_ReductionFactor();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Sweep#getParallel <em>Parallel</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Parallel</em>'.
	 * @see org.descent.experiment.model.Sweep#getParallel()
	 * @see #getSweep()
	 * @generated
	 */
	EAttribute getSweep_Parallel();

	/**
	 * Returns the meta object for the attribute list '{@link org.descent.experiment.model.Sweep#getAnalyses <em>Analyses</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Analyses</em>'.
	 * @see org.descent.experiment.model.Sweep#getAnalyses()
	 * @see #getSweep()
	 * @generated
	 */
	EAttribute getSweep_Analyses();

	/**
	 * Returns the meta object for class '{@link org.descent.experiment.model.SweptParameter <em>Swept Parameter</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Swept Parameter</em>'.
	 * @see org.descent.experiment.model.SweptParameter
	 * @generated
	 */
	EClass getSweptParameter();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.SweptParameter#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.descent.experiment.model.SweptParameter#getName()
	 * @see #getSweptParameter()
	 * @generated
	 */
	EAttribute getSweptParameter_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.SweptParameter#getDistribution <em>Distribution</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Distribution</em>'.
	 * @see org.descent.experiment.model.SweptParameter#getDistribution()
	 * @see #getSweptParameter()
	 * @generated
	 */
	EAttribute getSweptParameter_Distribution();

	/**
	 * Returns the meta object for class '{@link org.descent.experiment.model.Run <em>Run</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Run</em>'.
	 * @see org.descent.experiment.model.Run
	 * @generated
	 */
	EClass getRun();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Run#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.descent.experiment.model.Run#getName()
	 * @see #getRun()
	 * @generated
	 */
	EAttribute getRun_Name();

	/**
	 * Returns the meta object for the containment reference '{@link org.descent.experiment.model.Run#getExperiment <em>Experiment</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Experiment</em>'.
	 * @see org.descent.experiment.model.Run#getExperiment()
	 * @see #getRun()
	 * @generated
	 */
	EReference getRun_Experiment();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Run#getStatus <em>Status</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Status</em>'.
	 * @see org.descent.experiment.model.Run#getStatus()
	 * @see #getRun()
	 * @generated
	 */
	EAttribute getRun_Status();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Run#getMessage <em>Message</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Message</em>'.
	 * @see org.descent.experiment.model.Run#getMessage()
	 * @see #getRun()
	 * @generated
	 */
	EAttribute getRun_Message();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Run#getStep <em>Step</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Step</em>'.
	 * @see org.descent.experiment.model.Run#getStep()
	 * @see #getRun()
	 * @generated
	 */
	EAttribute getRun_Step();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Run#getEpoch <em>Epoch</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Epoch</em>'.
	 * @see org.descent.experiment.model.Run#getEpoch()
	 * @see #getRun()
	 * @generated
	 */
	EAttribute getRun_Epoch();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Run#getCreated <em>Created</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Created</em>'.
	 * @see org.descent.experiment.model.Run#getCreated()
	 * @see #getRun()
	 * @generated
	 */
	EAttribute getRun_Created();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Run#getEnded <em>Ended</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Ended</em>'.
	 * @see org.descent.experiment.model.Run#getEnded()
	 * @see #getRun()
	 * @generated
	 */
	EAttribute getRun_Ended();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Run#getWallSeconds <em>Wall Seconds</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Wall Seconds</em>'.
	 * @see org.descent.experiment.model.Run#getWallSeconds()
	 * @see #getRun()
	 * @generated
	 */
	EAttribute getRun_WallSeconds();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Run#getPid <em>Pid</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Pid</em>'.
	 * @see org.descent.experiment.model.Run#getPid()
	 * @see #getRun()
	 * @generated
	 */
	EAttribute getRun_Pid();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Run#getProcessStart <em>Process Start</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Process Start</em>'.
	 * @see org.descent.experiment.model.Run#getProcessStart()
	 * @see #getRun()
	 * @generated
	 */
	EAttribute getRun_ProcessStart();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Run#getProcessHost <em>Process Host</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Process Host</em>'.
	 * @see org.descent.experiment.model.Run#getProcessHost()
	 * @see #getRun()
	 * @generated
	 */
	EAttribute getRun_ProcessHost();

	/**
	 * Returns the meta object for the containment reference list '{@link org.descent.experiment.model.Run#getMetrics <em>Metrics</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Metrics</em>'.
	 * @see org.descent.experiment.model.Run#getMetrics()
	 * @see #getRun()
	 * @generated
	 */
	EReference getRun_Metrics();

	/**
	 * Returns the meta object for the containment reference '{@link org.descent.experiment.model.Run#getProvenance <em>Provenance</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Provenance</em>'.
	 * @see org.descent.experiment.model.Run#getProvenance()
	 * @see #getRun()
	 * @generated
	 */
	EReference getRun_Provenance();

	/**
	 * Returns the meta object for class '{@link org.descent.experiment.model.Metric <em>Metric</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Metric</em>'.
	 * @see org.descent.experiment.model.Metric
	 * @generated
	 */
	EClass getMetric();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Metric#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see org.descent.experiment.model.Metric#getName()
	 * @see #getMetric()
	 * @generated
	 */
	EAttribute getMetric_Name();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Metric#getValue <em>Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Value</em>'.
	 * @see org.descent.experiment.model.Metric#getValue()
	 * @see #getMetric()
	 * @generated
	 */
	EAttribute getMetric_Value();

	/**
	 * Returns the meta object for class '{@link org.descent.experiment.model.Provenance <em>Provenance</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Provenance</em>'.
	 * @see org.descent.experiment.model.Provenance
	 * @generated
	 */
	EClass getProvenance();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Provenance#getDescentVersion <em>Descent Version</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Descent Version</em>'.
	 * @see org.descent.experiment.model.Provenance#getDescentVersion()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_DescentVersion();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Provenance#getJavaVersion <em>Java Version</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Java Version</em>'.
	 * @see org.descent.experiment.model.Provenance#getJavaVersion()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_JavaVersion();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Provenance#getJavaVendor <em>Java Vendor</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Java Vendor</em>'.
	 * @see org.descent.experiment.model.Provenance#getJavaVendor()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_JavaVendor();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Provenance#getOs <em>Os</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Os</em>'.
	 * @see org.descent.experiment.model.Provenance#getOs()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_Os();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Provenance#getHost <em>Host</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Host</em>'.
	 * @see org.descent.experiment.model.Provenance#getHost()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_Host();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Provenance#getThreads <em>Threads</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Threads</em>'.
	 * @see org.descent.experiment.model.Provenance#getThreads()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_Threads();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Provenance#getBackend <em>Backend</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Backend</em>'.
	 * @see org.descent.experiment.model.Provenance#getBackend()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_Backend();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Provenance#getSeed <em>Seed</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Seed</em>'.
	 * @see org.descent.experiment.model.Provenance#getSeed()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_Seed();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Provenance#getPrecision <em>Precision</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Precision</em>'.
	 * @see org.descent.experiment.model.Provenance#getPrecision()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_Precision();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Provenance#getDataFingerprint <em>Data Fingerprint</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Data Fingerprint</em>'.
	 * @see org.descent.experiment.model.Provenance#getDataFingerprint()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_DataFingerprint();

	/**
	 * Returns the meta object for the containment reference list '{@link org.descent.experiment.model.Provenance#getResolved <em>Resolved</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Resolved</em>'.
	 * @see org.descent.experiment.model.Provenance#getResolved()
	 * @see #getProvenance()
	 * @generated
	 */
	EReference getProvenance_Resolved();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.Provenance#getUpdate <em>Update</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Update</em>'.
	 * @see org.descent.experiment.model.Provenance#getUpdate()
	 * @see #getProvenance()
	 * @generated
	 */
	EAttribute getProvenance_Update();

	/**
	 * Returns the meta object for class '{@link org.descent.experiment.model.ResolvedComponent <em>Resolved Component</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Resolved Component</em>'.
	 * @see org.descent.experiment.model.ResolvedComponent
	 * @generated
	 */
	EClass getResolvedComponent();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.ResolvedComponent#getRole <em>Role</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Role</em>'.
	 * @see org.descent.experiment.model.ResolvedComponent#getRole()
	 * @see #getResolvedComponent()
	 * @generated
	 */
	EAttribute getResolvedComponent_Role();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.ResolvedComponent#getBundle <em>Bundle</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Bundle</em>'.
	 * @see org.descent.experiment.model.ResolvedComponent#getBundle()
	 * @see #getResolvedComponent()
	 * @generated
	 */
	EAttribute getResolvedComponent_Bundle();

	/**
	 * Returns the meta object for the attribute '{@link org.descent.experiment.model.ResolvedComponent#getBundleVersion <em>Bundle Version</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Bundle Version</em>'.
	 * @see org.descent.experiment.model.ResolvedComponent#getBundleVersion()
	 * @see #getResolvedComponent()
	 * @generated
	 */
	EAttribute getResolvedComponent_BundleVersion();

	/**
	 * Returns the meta object for data type '{@link org.descent.core.Precision <em>Precision</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
     * <!-- begin-model-doc -->
     * Core's Precision, stored by its id (fp64, fp32, mixed-fp16, mixed-bf16).
     * <!-- end-model-doc -->
	 * @return the meta object for data type '<em>Precision</em>'.
	 * @see org.descent.core.Precision
	 * @model instanceClass="org.descent.core.Precision"
	 * @generated
	 */
	EDataType getPrecision();

	/**
	 * Returns the meta object for data type '{@link org.descent.core.RunStatus <em>Run Status</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
     * <!-- begin-model-doc -->
     * Core's RunStatus, stored by its id (created, running, done, diverged, cancelled, interrupted, failed).
     * <!-- end-model-doc -->
	 * @return the meta object for data type '<em>Run Status</em>'.
	 * @see org.descent.core.RunStatus
	 * @model instanceClass="org.descent.core.RunStatus"
	 * @generated
	 */
	EDataType getRunStatus();

	/**
	 * Returns the factory that creates the instances of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the factory that creates the instances of the model.
	 * @generated
	 */
	ExperimentFactory getExperimentFactory();

	/**
	 * <!-- begin-user-doc -->
	 * Defines literals for the meta objects that represent
	 * <ul>
	 *   <li>each class,</li>
	 *   <li>each feature of each class,</li>
	 *   <li>each operation of each class,</li>
	 *   <li>each enum,</li>
	 *   <li>and each data type</li>
	 * </ul>
	 * <!-- end-user-doc -->
	 * @generated
	 */
	interface Literals {
		/**
		 * The meta object literal for the '{@link org.descent.experiment.model.impl.ExperimentImpl <em>Experiment</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.descent.experiment.model.impl.ExperimentImpl
		 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getExperiment()
		 * @generated
		 */
		EClass EXPERIMENT = eINSTANCE.getExperiment();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__NAME = eINSTANCE.getExperiment_Name();

		/**
		 * The meta object literal for the '<em><b>Description</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__DESCRIPTION = eINSTANCE.getExperiment_Description();

		/**
		 * The meta object literal for the '<em><b>Dataset</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference EXPERIMENT__DATASET = eINSTANCE.getExperiment_Dataset();

		/**
		 * The meta object literal for the '<em><b>Model</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference EXPERIMENT__MODEL = eINSTANCE.getExperiment_Model();

		/**
		 * The meta object literal for the '<em><b>Loss</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference EXPERIMENT__LOSS = eINSTANCE.getExperiment_Loss();

		/**
		 * The meta object literal for the '<em><b>Optimizer</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference EXPERIMENT__OPTIMIZER = eINSTANCE.getExperiment_Optimizer();

		/**
		 * The meta object literal for the '<em><b>Schedule</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference EXPERIMENT__SCHEDULE = eINSTANCE.getExperiment_Schedule();

		/**
		 * The meta object literal for the '<em><b>Regularizers</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference EXPERIMENT__REGULARIZERS = eINSTANCE.getExperiment_Regularizers();

		/**
		 * The meta object literal for the '<em><b>Probes</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference EXPERIMENT__PROBES = eINSTANCE.getExperiment_Probes();

		/**
		 * The meta object literal for the '<em><b>Sweep</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference EXPERIMENT__SWEEP = eINSTANCE.getExperiment_Sweep();

		/**
		 * The meta object literal for the '<em><b>Batch Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__BATCH_SIZE = eINSTANCE.getExperiment_BatchSize();

		/**
		 * The meta object literal for the '<em><b>Epochs</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__EPOCHS = eINSTANCE.getExperiment_Epochs();

		/**
		 * The meta object literal for the '<em><b>Steps</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__STEPS = eINSTANCE.getExperiment_Steps();

		/**
		 * The meta object literal for the '<em><b>Loss Tolerance</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__LOSS_TOLERANCE = eINSTANCE.getExperiment_LossTolerance();

		/**
		 * The meta object literal for the '<em><b>Gradient Tolerance</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__GRADIENT_TOLERANCE = eINSTANCE.getExperiment_GradientTolerance();

		/**
		 * The meta object literal for the '<em><b>Seed</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__SEED = eINSTANCE.getExperiment_Seed();

		/**
		 * The meta object literal for the '<em><b>Precision</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__PRECISION = eINSTANCE.getExperiment_Precision();

		/**
		 * The meta object literal for the '<em><b>Clip Norm</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__CLIP_NORM = eINSTANCE.getExperiment_ClipNorm();

		/**
		 * The meta object literal for the '<em><b>Clip Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__CLIP_VALUE = eINSTANCE.getExperiment_ClipValue();

		/**
		 * The meta object literal for the '<em><b>Validation Fraction</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__VALIDATION_FRACTION = eINSTANCE.getExperiment_ValidationFraction();

		/**
		 * The meta object literal for the '<em><b>Checkpoint Every</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__CHECKPOINT_EVERY = eINSTANCE.getExperiment_CheckpointEvery();

		/**
		 * The meta object literal for the '<em><b>Device</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__DEVICE = eINSTANCE.getExperiment_Device();

		/**
		 * The meta object literal for the '<em><b>Threads</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EXPERIMENT__THREADS = eINSTANCE.getExperiment_Threads();

		/**
		 * The meta object literal for the '{@link org.descent.experiment.model.impl.ComponentImpl <em>Component</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.descent.experiment.model.impl.ComponentImpl
		 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getComponent()
		 * @generated
		 */
		EClass COMPONENT = eINSTANCE.getComponent();

		/**
		 * The meta object literal for the '<em><b>Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute COMPONENT__ID = eINSTANCE.getComponent_Id();

		/**
		 * The meta object literal for the '<em><b>Settings</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference COMPONENT__SETTINGS = eINSTANCE.getComponent_Settings();

		/**
		 * The meta object literal for the '{@link org.descent.experiment.model.impl.SettingImpl <em>Setting</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.descent.experiment.model.impl.SettingImpl
		 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getSetting()
		 * @generated
		 */
		EClass SETTING = eINSTANCE.getSetting();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SETTING__NAME = eINSTANCE.getSetting_Name();

		/**
		 * The meta object literal for the '<em><b>Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SETTING__VALUE = eINSTANCE.getSetting_Value();

		/**
		 * The meta object literal for the '{@link org.descent.experiment.model.impl.SweepImpl <em>Sweep</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.descent.experiment.model.impl.SweepImpl
		 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getSweep()
		 * @generated
		 */
		EClass SWEEP = eINSTANCE.getSweep();

		/**
		 * The meta object literal for the '<em><b>Parameters</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference SWEEP__PARAMETERS = eINSTANCE.getSweep_Parameters();

		/**
		 * The meta object literal for the '<em><b>Seeds</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEEP__SEEDS = eINSTANCE.getSweep_Seeds();

		/**
		 * The meta object literal for the '<em><b>Trials</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEEP__TRIALS = eINSTANCE.getSweep_Trials();

		/**
		 * The meta object literal for the '<em><b>Search Seed</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEEP__SEARCH_SEED = eINSTANCE.getSweep_SearchSeed();

		/**
		 * The meta object literal for the '<em><b>Metric</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEEP__METRIC = eINSTANCE.getSweep_Metric();

		/**
		 * The meta object literal for the '<em><b>Mode</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEEP__MODE = eINSTANCE.getSweep_Mode();

		/**
		 * The meta object literal for the '<em><b>Scheduler</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEEP__SCHEDULER = eINSTANCE.getSweep_Scheduler();

		/**
		 * The meta object literal for the '<em><b>Grace Period</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEEP__GRACE_PERIOD = eINSTANCE.getSweep_GracePeriod();

		/**
		 * The meta object literal for the '<em><b>Reduction Factor</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEEP__REDUCTION_FACTOR = eINSTANCE.getSweep_ReductionFactor();

		/**
		 * The meta object literal for the '<em><b>Parallel</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEEP__PARALLEL = eINSTANCE.getSweep_Parallel();

		/**
		 * The meta object literal for the '<em><b>Analyses</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEEP__ANALYSES = eINSTANCE.getSweep_Analyses();

		/**
		 * The meta object literal for the '{@link org.descent.experiment.model.impl.SweptParameterImpl <em>Swept Parameter</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.descent.experiment.model.impl.SweptParameterImpl
		 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getSweptParameter()
		 * @generated
		 */
		EClass SWEPT_PARAMETER = eINSTANCE.getSweptParameter();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEPT_PARAMETER__NAME = eINSTANCE.getSweptParameter_Name();

		/**
		 * The meta object literal for the '<em><b>Distribution</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SWEPT_PARAMETER__DISTRIBUTION = eINSTANCE.getSweptParameter_Distribution();

		/**
		 * The meta object literal for the '{@link org.descent.experiment.model.impl.RunImpl <em>Run</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.descent.experiment.model.impl.RunImpl
		 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getRun()
		 * @generated
		 */
		EClass RUN = eINSTANCE.getRun();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN__NAME = eINSTANCE.getRun_Name();

		/**
		 * The meta object literal for the '<em><b>Experiment</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference RUN__EXPERIMENT = eINSTANCE.getRun_Experiment();

		/**
		 * The meta object literal for the '<em><b>Status</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN__STATUS = eINSTANCE.getRun_Status();

		/**
		 * The meta object literal for the '<em><b>Message</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN__MESSAGE = eINSTANCE.getRun_Message();

		/**
		 * The meta object literal for the '<em><b>Step</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN__STEP = eINSTANCE.getRun_Step();

		/**
		 * The meta object literal for the '<em><b>Epoch</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN__EPOCH = eINSTANCE.getRun_Epoch();

		/**
		 * The meta object literal for the '<em><b>Created</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN__CREATED = eINSTANCE.getRun_Created();

		/**
		 * The meta object literal for the '<em><b>Ended</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN__ENDED = eINSTANCE.getRun_Ended();

		/**
		 * The meta object literal for the '<em><b>Wall Seconds</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN__WALL_SECONDS = eINSTANCE.getRun_WallSeconds();

		/**
		 * The meta object literal for the '<em><b>Pid</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN__PID = eINSTANCE.getRun_Pid();

		/**
		 * The meta object literal for the '<em><b>Process Start</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN__PROCESS_START = eINSTANCE.getRun_ProcessStart();

		/**
		 * The meta object literal for the '<em><b>Process Host</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RUN__PROCESS_HOST = eINSTANCE.getRun_ProcessHost();

		/**
		 * The meta object literal for the '<em><b>Metrics</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference RUN__METRICS = eINSTANCE.getRun_Metrics();

		/**
		 * The meta object literal for the '<em><b>Provenance</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference RUN__PROVENANCE = eINSTANCE.getRun_Provenance();

		/**
		 * The meta object literal for the '{@link org.descent.experiment.model.impl.MetricImpl <em>Metric</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.descent.experiment.model.impl.MetricImpl
		 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getMetric()
		 * @generated
		 */
		EClass METRIC = eINSTANCE.getMetric();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute METRIC__NAME = eINSTANCE.getMetric_Name();

		/**
		 * The meta object literal for the '<em><b>Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute METRIC__VALUE = eINSTANCE.getMetric_Value();

		/**
		 * The meta object literal for the '{@link org.descent.experiment.model.impl.ProvenanceImpl <em>Provenance</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.descent.experiment.model.impl.ProvenanceImpl
		 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getProvenance()
		 * @generated
		 */
		EClass PROVENANCE = eINSTANCE.getProvenance();

		/**
		 * The meta object literal for the '<em><b>Descent Version</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__DESCENT_VERSION = eINSTANCE.getProvenance_DescentVersion();

		/**
		 * The meta object literal for the '<em><b>Java Version</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__JAVA_VERSION = eINSTANCE.getProvenance_JavaVersion();

		/**
		 * The meta object literal for the '<em><b>Java Vendor</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__JAVA_VENDOR = eINSTANCE.getProvenance_JavaVendor();

		/**
		 * The meta object literal for the '<em><b>Os</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__OS = eINSTANCE.getProvenance_Os();

		/**
		 * The meta object literal for the '<em><b>Host</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__HOST = eINSTANCE.getProvenance_Host();

		/**
		 * The meta object literal for the '<em><b>Threads</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__THREADS = eINSTANCE.getProvenance_Threads();

		/**
		 * The meta object literal for the '<em><b>Backend</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__BACKEND = eINSTANCE.getProvenance_Backend();

		/**
		 * The meta object literal for the '<em><b>Seed</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__SEED = eINSTANCE.getProvenance_Seed();

		/**
		 * The meta object literal for the '<em><b>Precision</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__PRECISION = eINSTANCE.getProvenance_Precision();

		/**
		 * The meta object literal for the '<em><b>Data Fingerprint</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__DATA_FINGERPRINT = eINSTANCE.getProvenance_DataFingerprint();

		/**
		 * The meta object literal for the '<em><b>Resolved</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference PROVENANCE__RESOLVED = eINSTANCE.getProvenance_Resolved();

		/**
		 * The meta object literal for the '<em><b>Update</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute PROVENANCE__UPDATE = eINSTANCE.getProvenance_Update();

		/**
		 * The meta object literal for the '{@link org.descent.experiment.model.impl.ResolvedComponentImpl <em>Resolved Component</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.descent.experiment.model.impl.ResolvedComponentImpl
		 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getResolvedComponent()
		 * @generated
		 */
		EClass RESOLVED_COMPONENT = eINSTANCE.getResolvedComponent();

		/**
		 * The meta object literal for the '<em><b>Role</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESOLVED_COMPONENT__ROLE = eINSTANCE.getResolvedComponent_Role();

		/**
		 * The meta object literal for the '<em><b>Bundle</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESOLVED_COMPONENT__BUNDLE = eINSTANCE.getResolvedComponent_Bundle();

		/**
		 * The meta object literal for the '<em><b>Bundle Version</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESOLVED_COMPONENT__BUNDLE_VERSION = eINSTANCE.getResolvedComponent_BundleVersion();

		/**
		 * The meta object literal for the '<em>Precision</em>' data type.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.descent.core.Precision
		 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getPrecision()
		 * @generated
		 */
		EDataType PRECISION = eINSTANCE.getPrecision();

		/**
		 * The meta object literal for the '<em>Run Status</em>' data type.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see org.descent.core.RunStatus
		 * @see org.descent.experiment.model.impl.ExperimentPackageImpl#getRunStatus()
		 * @generated
		 */
		EDataType RUN_STATUS = eINSTANCE.getRunStatus();

	}

} //ExperimentPackage
