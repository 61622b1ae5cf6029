/**
 */
package org.descent.experiment.model;

import org.descent.core.Precision;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Experiment</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A training set-up. Component settings are kept as text, exactly as typed, and validated against the contributions' declared hyperparameters.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link org.descent.experiment.model.Experiment#getName <em>Name</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getDescription <em>Description</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getDataset <em>Dataset</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getModel <em>Model</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getLoss <em>Loss</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getOptimizer <em>Optimizer</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getSchedule <em>Schedule</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getRegularizers <em>Regularizers</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getProbes <em>Probes</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getSweep <em>Sweep</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getBatchSize <em>Batch Size</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getEpochs <em>Epochs</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getSteps <em>Steps</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getLossTolerance <em>Loss Tolerance</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getGradientTolerance <em>Gradient Tolerance</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getSeed <em>Seed</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getPrecision <em>Precision</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getClipNorm <em>Clip Norm</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getClipValue <em>Clip Value</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getValidationFraction <em>Validation Fraction</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getCheckpointEvery <em>Checkpoint Every</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getDevice <em>Device</em>}</li>
 *   <li>{@link org.descent.experiment.model.Experiment#getThreads <em>Threads</em>}</li>
 * </ul>
 *
 * @see org.descent.experiment.model.ExperimentPackage#getExperiment()
 * @model
 * @generated
 */
public interface Experiment extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Description</em>' attribute.
	 * @see #setDescription(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Description()
	 * @model
	 * @generated
	 */
	String getDescription();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getDescription <em>Description</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Description</em>' attribute.
	 * @see #getDescription()
	 * @generated
	 */
	void setDescription(String value);

	/**
	 * Returns the value of the '<em><b>Dataset</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Dataset</em>' containment reference.
	 * @see #setDataset(Component)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Dataset()
	 * @model containment="true" required="true"
	 * @generated
	 */
	Component getDataset();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getDataset <em>Dataset</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Dataset</em>' containment reference.
	 * @see #getDataset()
	 * @generated
	 */
	void setDataset(Component value);

	/**
	 * Returns the value of the '<em><b>Model</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Model</em>' containment reference.
	 * @see #setModel(Component)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Model()
	 * @model containment="true" required="true"
	 * @generated
	 */
	Component getModel();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getModel <em>Model</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Model</em>' containment reference.
	 * @see #getModel()
	 * @generated
	 */
	void setModel(Component value);

	/**
	 * Returns the value of the '<em><b>Loss</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Loss</em>' containment reference.
	 * @see #setLoss(Component)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Loss()
	 * @model containment="true" required="true"
	 * @generated
	 */
	Component getLoss();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getLoss <em>Loss</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Loss</em>' containment reference.
	 * @see #getLoss()
	 * @generated
	 */
	void setLoss(Component value);

	/**
	 * Returns the value of the '<em><b>Optimizer</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Optimizer</em>' containment reference.
	 * @see #setOptimizer(Component)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Optimizer()
	 * @model containment="true" required="true"
	 * @generated
	 */
	Component getOptimizer();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getOptimizer <em>Optimizer</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Optimizer</em>' containment reference.
	 * @see #getOptimizer()
	 * @generated
	 */
	void setOptimizer(Component value);

	/**
	 * Returns the value of the '<em><b>Schedule</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Schedule</em>' containment reference.
	 * @see #setSchedule(Component)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Schedule()
	 * @model containment="true"
	 * @generated
	 */
	Component getSchedule();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getSchedule <em>Schedule</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Schedule</em>' containment reference.
	 * @see #getSchedule()
	 * @generated
	 */
	void setSchedule(Component value);

	/**
	 * Returns the value of the '<em><b>Regularizers</b></em>' containment reference list.
	 * The list contents are of type {@link org.descent.experiment.model.Component}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Regularizers</em>' containment reference list.
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Regularizers()
	 * @model containment="true"
	 * @generated
	 */
	EList<Component> getRegularizers();

	/**
	 * Returns the value of the '<em><b>Probes</b></em>' containment reference list.
	 * The list contents are of type {@link org.descent.experiment.model.Component}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Probes</em>' containment reference list.
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Probes()
	 * @model containment="true"
	 * @generated
	 */
	EList<Component> getProbes();

	/**
	 * Returns the value of the '<em><b>Sweep</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The study this experiment is the base of (descent sweep --experiment FILE runs it), or none: many trainings over a search space of its hyperparameters and training settings.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Sweep</em>' containment reference.
	 * @see #setSweep(Sweep)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Sweep()
	 * @model containment="true"
	 * @generated
	 */
	Sweep getSweep();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getSweep <em>Sweep</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Sweep</em>' containment reference.
	 * @see #getSweep()
	 * @generated
	 */
	void setSweep(Sweep value);

	/**
	 * Returns the value of the '<em><b>Batch Size</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Batch Size</em>' attribute.
	 * @see #setBatchSize(int)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_BatchSize()
	 * @model default="0"
	 *        annotation="http://descent.org/experiment/setting option='batch' range='[0,2147483647]' zero='full' doc='Minibatch size; 0 (full on the command line) uses the whole data set in every step.'"
	 * @generated
	 */
	int getBatchSize();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getBatchSize <em>Batch Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Batch Size</em>' attribute.
	 * @see #getBatchSize()
	 * @generated
	 */
	void setBatchSize(int value);

	/**
	 * Returns the value of the '<em><b>Epochs</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Epochs</em>' attribute.
	 * @see #setEpochs(int)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Epochs()
	 * @model default="0"
	 *        annotation="http://descent.org/experiment/setting option='epochs' range='[0,2147483647]' doc='Budget in passes over the training data; 0: train for the given steps instead.'"
	 * @generated
	 */
	int getEpochs();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getEpochs <em>Epochs</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Epochs</em>' attribute.
	 * @see #getEpochs()
	 * @generated
	 */
	void setEpochs(int value);

	/**
	 * Returns the value of the '<em><b>Steps</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Steps</em>' attribute.
	 * @see #setSteps(long)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Steps()
	 * @model default="0"
	 *        annotation="http://descent.org/experiment/setting option='steps' range='[0,inf)' doc='Budget in optimizer steps; 0: train for the given epochs instead (descent train takes 1000 steps when neither is given).'"
	 * @generated
	 */
	long getSteps();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getSteps <em>Steps</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Steps</em>' attribute.
	 * @see #getSteps()
	 * @generated
	 */
	void setSteps(long value);

	/**
	 * Returns the value of the '<em><b>Loss Tolerance</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Loss Tolerance</em>' attribute.
	 * @see #setLossTolerance(double)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_LossTolerance()
	 * @model default="0"
	 *        annotation="http://descent.org/experiment/setting option='tol' range='[0,inf)' doc='Stop when the training loss changes by at most this between two steps; 0: off.'"
	 * @generated
	 */
	double getLossTolerance();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getLossTolerance <em>Loss Tolerance</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Loss Tolerance</em>' attribute.
	 * @see #getLossTolerance()
	 * @generated
	 */
	void setLossTolerance(double value);

	/**
	 * Returns the value of the '<em><b>Gradient Tolerance</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Gradient Tolerance</em>' attribute.
	 * @see #setGradientTolerance(double)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_GradientTolerance()
	 * @model default="0"
	 *        annotation="http://descent.org/experiment/setting option='grad-tol' range='[0,inf)' doc='Stop when the gradient norm is at most this; 0: off.'"
	 * @generated
	 */
	double getGradientTolerance();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getGradientTolerance <em>Gradient Tolerance</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Gradient Tolerance</em>' attribute.
	 * @see #getGradientTolerance()
	 * @generated
	 */
	void setGradientTolerance(double value);

	/**
	 * Returns the value of the '<em><b>Seed</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Seed</em>' attribute.
	 * @see #setSeed(long)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Seed()
	 * @model default="0"
	 *        annotation="http://descent.org/experiment/setting option='seed' doc='Seed of the initialisation, the shuffling, the validation split and the models\' noise: same seed, same run.'"
	 * @generated
	 */
	long getSeed();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getSeed <em>Seed</em>}' attribute.
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
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Precision()
	 * @model default="fp64" dataType="org.descent.experiment.model.Precision"
	 *        annotation="http://descent.org/experiment/setting option='precision' doc='Arithmetic of the passes: fp64, fp32, or mixed-fp16/mixed-bf16 (simulated: fp32 master weights, passes in the format for layered models).'"
	 * @generated
	 */
	Precision getPrecision();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getPrecision <em>Precision</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Precision</em>' attribute.
	 * @see #getPrecision()
	 * @generated
	 */
	void setPrecision(Precision value);

	/**
	 * Returns the value of the '<em><b>Clip Norm</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Clip Norm</em>' attribute.
	 * @see #setClipNorm(double)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_ClipNorm()
	 * @model default="0"
	 *        annotation="http://descent.org/experiment/setting option='clip-norm' range='[0,inf)' doc='Scale the gradient down to this 2-norm when it is longer (as torch clip_grad_norm_); 0: off.'"
	 * @generated
	 */
	double getClipNorm();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getClipNorm <em>Clip Norm</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Clip Norm</em>' attribute.
	 * @see #getClipNorm()
	 * @generated
	 */
	void setClipNorm(double value);

	/**
	 * Returns the value of the '<em><b>Clip Value</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Clip Value</em>' attribute.
	 * @see #setClipValue(double)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_ClipValue()
	 * @model default="0"
	 *        annotation="http://descent.org/experiment/setting option='clip-value' range='[0,inf)' doc='Clamp every gradient value to plus or minus this (as torch clip_grad_value_); 0: off.'"
	 * @generated
	 */
	double getClipValue();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getClipValue <em>Clip Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Clip Value</em>' attribute.
	 * @see #getClipValue()
	 * @generated
	 */
	void setClipValue(double value);

	/**
	 * Returns the value of the '<em><b>Validation Fraction</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Validation Fraction</em>' attribute.
	 * @see #setValidationFraction(double)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_ValidationFraction()
	 * @model default="0"
	 *        annotation="http://descent.org/experiment/setting option='validation' range='[0,1)' doc='Fraction of the data held out (seeded) and evaluated on every epoch; 0: none.'"
	 * @generated
	 */
	double getValidationFraction();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getValidationFraction <em>Validation Fraction</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Validation Fraction</em>' attribute.
	 * @see #getValidationFraction()
	 * @generated
	 */
	void setValidationFraction(double value);

	/**
	 * Returns the value of the '<em><b>Checkpoint Every</b></em>' attribute.
	 * The default value is <code>"1000"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Checkpoint Every</em>' attribute.
	 * @see #setCheckpointEvery(long)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_CheckpointEvery()
	 * @model default="1000"
	 *        annotation="http://descent.org/experiment/setting option='checkpoint-every' range='[0,inf)' doc='Write a checkpoint every this many steps; 0: only at the end.'"
	 * @generated
	 */
	long getCheckpointEvery();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getCheckpointEvery <em>Checkpoint Every</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Checkpoint Every</em>' attribute.
	 * @see #getCheckpointEvery()
	 * @generated
	 */
	void setCheckpointEvery(long value);

	/**
	 * Returns the value of the '<em><b>Device</b></em>' attribute.
	 * The default value is <code>"auto"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Device</em>' attribute.
	 * @see #setDevice(String)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Device()
	 * @model default="auto"
	 *        annotation="http://descent.org/experiment/setting option='device' placeholder='auto|cpu|BACKEND[:N]' doc='Compute device (descent devices lists them): auto (the first GPU or accelerator of an available backend, else cpu; the workbench\'s preference may name another), cpu, or a backend\'s N-th device such as opencl:0. Models made of layers (cnn, resnet, mlp with layers) compute through it with precision fp32; fp64, the mixed precisions and the other models (the autoencoders in fp32 too, on host kernels) compute on the host path. The sinkhorn loss computes on it in any precision (fp64 where the device has it). The run\'s provenance records which path and device were used. An unknown or unavailable device is refused before anything runs.'"
	 * @generated
	 */
	String getDevice();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getDevice <em>Device</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Device</em>' attribute.
	 * @see #getDevice()
	 * @generated
	 */
	void setDevice(String value);

	/**
	 * Returns the value of the '<em><b>Threads</b></em>' attribute.
	 * The default value is <code>"0"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Threads</em>' attribute.
	 * @see #setThreads(int)
	 * @see org.descent.experiment.model.ExperimentPackage#getExperiment_Threads()
	 * @model default="0"
	 *        annotation="http://descent.org/experiment/setting option='threads' range='[0,4096]' zero='all' doc='Host threads of the cpu device; 0 (all on the command line): every core.'"
	 * @generated
	 */
	int getThreads();

	/**
	 * Sets the value of the '{@link org.descent.experiment.model.Experiment#getThreads <em>Threads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Threads</em>' attribute.
	 * @see #getThreads()
	 * @generated
	 */
	void setThreads(int value);

} // Experiment
