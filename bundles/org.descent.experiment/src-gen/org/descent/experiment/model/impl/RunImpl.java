/**
 */
package org.descent.experiment.model.impl;

import java.util.Collection;
import java.util.Date;

import org.descent.core.RunStatus;

import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.ExperimentPackage;
import org.descent.experiment.model.Metric;
import org.descent.experiment.model.Provenance;
import org.descent.experiment.model.Run;

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
 * An implementation of the model object '<em><b>Run</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getName <em>Name</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getExperiment <em>Experiment</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getStatus <em>Status</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getMessage <em>Message</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getStep <em>Step</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getEpoch <em>Epoch</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getCreated <em>Created</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getEnded <em>Ended</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getWallSeconds <em>Wall Seconds</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getPid <em>Pid</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getProcessStart <em>Process Start</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getProcessHost <em>Process Host</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getMetrics <em>Metrics</em>}</li>
 *   <li>{@link org.descent.experiment.model.impl.RunImpl#getProvenance <em>Provenance</em>}</li>
 * </ul>
 *
 * @generated
 */
public class RunImpl extends MinimalEObjectImpl.Container implements Run {
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
	 * The cached value of the '{@link #getExperiment() <em>Experiment</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getExperiment()
	 * @generated
	 * @ordered
	 */
	protected Experiment experiment;

	/**
	 * The default value of the '{@link #getStatus() <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStatus()
	 * @generated
	 * @ordered
	 */
	protected static final RunStatus STATUS_EDEFAULT = (RunStatus)ExperimentFactory.eINSTANCE.createFromString(ExperimentPackage.eINSTANCE.getRunStatus(), "created");

	/**
	 * The cached value of the '{@link #getStatus() <em>Status</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStatus()
	 * @generated
	 * @ordered
	 */
	protected RunStatus status = STATUS_EDEFAULT;

	/**
	 * The default value of the '{@link #getMessage() <em>Message</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMessage()
	 * @generated
	 * @ordered
	 */
	protected static final String MESSAGE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getMessage() <em>Message</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMessage()
	 * @generated
	 * @ordered
	 */
	protected String message = MESSAGE_EDEFAULT;

	/**
	 * The default value of the '{@link #getStep() <em>Step</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStep()
	 * @generated
	 * @ordered
	 */
	protected static final long STEP_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getStep() <em>Step</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getStep()
	 * @generated
	 * @ordered
	 */
	protected long step = STEP_EDEFAULT;

	/**
	 * The default value of the '{@link #getEpoch() <em>Epoch</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEpoch()
	 * @generated
	 * @ordered
	 */
	protected static final int EPOCH_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getEpoch() <em>Epoch</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEpoch()
	 * @generated
	 * @ordered
	 */
	protected int epoch = EPOCH_EDEFAULT;

	/**
	 * The default value of the '{@link #getCreated() <em>Created</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCreated()
	 * @generated
	 * @ordered
	 */
	protected static final Date CREATED_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getCreated() <em>Created</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCreated()
	 * @generated
	 * @ordered
	 */
	protected Date created = CREATED_EDEFAULT;

	/**
	 * The default value of the '{@link #getEnded() <em>Ended</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEnded()
	 * @generated
	 * @ordered
	 */
	protected static final Date ENDED_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getEnded() <em>Ended</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEnded()
	 * @generated
	 * @ordered
	 */
	protected Date ended = ENDED_EDEFAULT;

	/**
	 * The default value of the '{@link #getWallSeconds() <em>Wall Seconds</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getWallSeconds()
	 * @generated
	 * @ordered
	 */
	protected static final double WALL_SECONDS_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getWallSeconds() <em>Wall Seconds</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getWallSeconds()
	 * @generated
	 * @ordered
	 */
	protected double wallSeconds = WALL_SECONDS_EDEFAULT;

	/**
	 * The default value of the '{@link #getPid() <em>Pid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPid()
	 * @generated
	 * @ordered
	 */
	protected static final long PID_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getPid() <em>Pid</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPid()
	 * @generated
	 * @ordered
	 */
	protected long pid = PID_EDEFAULT;

	/**
	 * The default value of the '{@link #getProcessStart() <em>Process Start</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getProcessStart()
	 * @generated
	 * @ordered
	 */
	protected static final Date PROCESS_START_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getProcessStart() <em>Process Start</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getProcessStart()
	 * @generated
	 * @ordered
	 */
	protected Date processStart = PROCESS_START_EDEFAULT;

	/**
	 * The default value of the '{@link #getProcessHost() <em>Process Host</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getProcessHost()
	 * @generated
	 * @ordered
	 */
	protected static final String PROCESS_HOST_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getProcessHost() <em>Process Host</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getProcessHost()
	 * @generated
	 * @ordered
	 */
	protected String processHost = PROCESS_HOST_EDEFAULT;

	/**
	 * The cached value of the '{@link #getMetrics() <em>Metrics</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMetrics()
	 * @generated
	 * @ordered
	 */
	protected EList<Metric> metrics;

	/**
	 * The cached value of the '{@link #getProvenance() <em>Provenance</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getProvenance()
	 * @generated
	 * @ordered
	 */
	protected Provenance provenance;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected RunImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return ExperimentPackage.Literals.RUN;
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
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__NAME, oldName, name));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Experiment getExperiment() {
		return experiment;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetExperiment(Experiment newExperiment, NotificationChain msgs) {
		Experiment oldExperiment = experiment;
		experiment = newExperiment;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__EXPERIMENT, oldExperiment, newExperiment);
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
	public void setExperiment(Experiment newExperiment) {
		if (newExperiment != experiment) {
			NotificationChain msgs = null;
			if (experiment != null)
				msgs = ((InternalEObject)experiment).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.RUN__EXPERIMENT, null, msgs);
			if (newExperiment != null)
				msgs = ((InternalEObject)newExperiment).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.RUN__EXPERIMENT, null, msgs);
			msgs = basicSetExperiment(newExperiment, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__EXPERIMENT, newExperiment, newExperiment));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public RunStatus getStatus() {
		return status;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setStatus(RunStatus newStatus) {
		RunStatus oldStatus = status;
		status = newStatus;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__STATUS, oldStatus, status));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getMessage() {
		return message;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMessage(String newMessage) {
		String oldMessage = message;
		message = newMessage;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__MESSAGE, oldMessage, message));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getStep() {
		return step;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setStep(long newStep) {
		long oldStep = step;
		step = newStep;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__STEP, oldStep, step));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getEpoch() {
		return epoch;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setEpoch(int newEpoch) {
		int oldEpoch = epoch;
		epoch = newEpoch;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__EPOCH, oldEpoch, epoch));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Date getCreated() {
		return created;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCreated(Date newCreated) {
		Date oldCreated = created;
		created = newCreated;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__CREATED, oldCreated, created));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Date getEnded() {
		return ended;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setEnded(Date newEnded) {
		Date oldEnded = ended;
		ended = newEnded;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__ENDED, oldEnded, ended));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getWallSeconds() {
		return wallSeconds;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setWallSeconds(double newWallSeconds) {
		double oldWallSeconds = wallSeconds;
		wallSeconds = newWallSeconds;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__WALL_SECONDS, oldWallSeconds, wallSeconds));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getPid() {
		return pid;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPid(long newPid) {
		long oldPid = pid;
		pid = newPid;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__PID, oldPid, pid));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Date getProcessStart() {
		return processStart;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setProcessStart(Date newProcessStart) {
		Date oldProcessStart = processStart;
		processStart = newProcessStart;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__PROCESS_START, oldProcessStart, processStart));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getProcessHost() {
		return processHost;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setProcessHost(String newProcessHost) {
		String oldProcessHost = processHost;
		processHost = newProcessHost;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__PROCESS_HOST, oldProcessHost, processHost));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Metric> getMetrics() {
		if (metrics == null) {
			metrics = new EObjectContainmentEList<Metric>(Metric.class, this, ExperimentPackage.RUN__METRICS);
		}
		return metrics;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Provenance getProvenance() {
		return provenance;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetProvenance(Provenance newProvenance, NotificationChain msgs) {
		Provenance oldProvenance = provenance;
		provenance = newProvenance;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__PROVENANCE, oldProvenance, newProvenance);
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
	public void setProvenance(Provenance newProvenance) {
		if (newProvenance != provenance) {
			NotificationChain msgs = null;
			if (provenance != null)
				msgs = ((InternalEObject)provenance).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.RUN__PROVENANCE, null, msgs);
			if (newProvenance != null)
				msgs = ((InternalEObject)newProvenance).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - ExperimentPackage.RUN__PROVENANCE, null, msgs);
			msgs = basicSetProvenance(newProvenance, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, ExperimentPackage.RUN__PROVENANCE, newProvenance, newProvenance));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case ExperimentPackage.RUN__EXPERIMENT:
				return basicSetExperiment(null, msgs);
			case ExperimentPackage.RUN__METRICS:
				return ((InternalEList<?>)getMetrics()).basicRemove(otherEnd, msgs);
			case ExperimentPackage.RUN__PROVENANCE:
				return basicSetProvenance(null, msgs);
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
			case ExperimentPackage.RUN__NAME:
				return getName();
			case ExperimentPackage.RUN__EXPERIMENT:
				return getExperiment();
			case ExperimentPackage.RUN__STATUS:
				return getStatus();
			case ExperimentPackage.RUN__MESSAGE:
				return getMessage();
			case ExperimentPackage.RUN__STEP:
				return getStep();
			case ExperimentPackage.RUN__EPOCH:
				return getEpoch();
			case ExperimentPackage.RUN__CREATED:
				return getCreated();
			case ExperimentPackage.RUN__ENDED:
				return getEnded();
			case ExperimentPackage.RUN__WALL_SECONDS:
				return getWallSeconds();
			case ExperimentPackage.RUN__PID:
				return getPid();
			case ExperimentPackage.RUN__PROCESS_START:
				return getProcessStart();
			case ExperimentPackage.RUN__PROCESS_HOST:
				return getProcessHost();
			case ExperimentPackage.RUN__METRICS:
				return getMetrics();
			case ExperimentPackage.RUN__PROVENANCE:
				return getProvenance();
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
			case ExperimentPackage.RUN__NAME:
				setName((String)newValue);
				return;
			case ExperimentPackage.RUN__EXPERIMENT:
				setExperiment((Experiment)newValue);
				return;
			case ExperimentPackage.RUN__STATUS:
				setStatus((RunStatus)newValue);
				return;
			case ExperimentPackage.RUN__MESSAGE:
				setMessage((String)newValue);
				return;
			case ExperimentPackage.RUN__STEP:
				setStep((Long)newValue);
				return;
			case ExperimentPackage.RUN__EPOCH:
				setEpoch((Integer)newValue);
				return;
			case ExperimentPackage.RUN__CREATED:
				setCreated((Date)newValue);
				return;
			case ExperimentPackage.RUN__ENDED:
				setEnded((Date)newValue);
				return;
			case ExperimentPackage.RUN__WALL_SECONDS:
				setWallSeconds((Double)newValue);
				return;
			case ExperimentPackage.RUN__PID:
				setPid((Long)newValue);
				return;
			case ExperimentPackage.RUN__PROCESS_START:
				setProcessStart((Date)newValue);
				return;
			case ExperimentPackage.RUN__PROCESS_HOST:
				setProcessHost((String)newValue);
				return;
			case ExperimentPackage.RUN__METRICS:
				getMetrics().clear();
				getMetrics().addAll((Collection<? extends Metric>)newValue);
				return;
			case ExperimentPackage.RUN__PROVENANCE:
				setProvenance((Provenance)newValue);
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
			case ExperimentPackage.RUN__NAME:
				setName(NAME_EDEFAULT);
				return;
			case ExperimentPackage.RUN__EXPERIMENT:
				setExperiment((Experiment)null);
				return;
			case ExperimentPackage.RUN__STATUS:
				setStatus(STATUS_EDEFAULT);
				return;
			case ExperimentPackage.RUN__MESSAGE:
				setMessage(MESSAGE_EDEFAULT);
				return;
			case ExperimentPackage.RUN__STEP:
				setStep(STEP_EDEFAULT);
				return;
			case ExperimentPackage.RUN__EPOCH:
				setEpoch(EPOCH_EDEFAULT);
				return;
			case ExperimentPackage.RUN__CREATED:
				setCreated(CREATED_EDEFAULT);
				return;
			case ExperimentPackage.RUN__ENDED:
				setEnded(ENDED_EDEFAULT);
				return;
			case ExperimentPackage.RUN__WALL_SECONDS:
				setWallSeconds(WALL_SECONDS_EDEFAULT);
				return;
			case ExperimentPackage.RUN__PID:
				setPid(PID_EDEFAULT);
				return;
			case ExperimentPackage.RUN__PROCESS_START:
				setProcessStart(PROCESS_START_EDEFAULT);
				return;
			case ExperimentPackage.RUN__PROCESS_HOST:
				setProcessHost(PROCESS_HOST_EDEFAULT);
				return;
			case ExperimentPackage.RUN__METRICS:
				getMetrics().clear();
				return;
			case ExperimentPackage.RUN__PROVENANCE:
				setProvenance((Provenance)null);
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
			case ExperimentPackage.RUN__NAME:
				return NAME_EDEFAULT == null ? name != null : !NAME_EDEFAULT.equals(name);
			case ExperimentPackage.RUN__EXPERIMENT:
				return experiment != null;
			case ExperimentPackage.RUN__STATUS:
				return STATUS_EDEFAULT == null ? status != null : !STATUS_EDEFAULT.equals(status);
			case ExperimentPackage.RUN__MESSAGE:
				return MESSAGE_EDEFAULT == null ? message != null : !MESSAGE_EDEFAULT.equals(message);
			case ExperimentPackage.RUN__STEP:
				return step != STEP_EDEFAULT;
			case ExperimentPackage.RUN__EPOCH:
				return epoch != EPOCH_EDEFAULT;
			case ExperimentPackage.RUN__CREATED:
				return CREATED_EDEFAULT == null ? created != null : !CREATED_EDEFAULT.equals(created);
			case ExperimentPackage.RUN__ENDED:
				return ENDED_EDEFAULT == null ? ended != null : !ENDED_EDEFAULT.equals(ended);
			case ExperimentPackage.RUN__WALL_SECONDS:
				return wallSeconds != WALL_SECONDS_EDEFAULT;
			case ExperimentPackage.RUN__PID:
				return pid != PID_EDEFAULT;
			case ExperimentPackage.RUN__PROCESS_START:
				return PROCESS_START_EDEFAULT == null ? processStart != null : !PROCESS_START_EDEFAULT.equals(processStart);
			case ExperimentPackage.RUN__PROCESS_HOST:
				return PROCESS_HOST_EDEFAULT == null ? processHost != null : !PROCESS_HOST_EDEFAULT.equals(processHost);
			case ExperimentPackage.RUN__METRICS:
				return metrics != null && !metrics.isEmpty();
			case ExperimentPackage.RUN__PROVENANCE:
				return provenance != null;
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
		result.append(", status: ");
		result.append(status);
		result.append(", message: ");
		result.append(message);
		result.append(", step: ");
		result.append(step);
		result.append(", epoch: ");
		result.append(epoch);
		result.append(", created: ");
		result.append(created);
		result.append(", ended: ");
		result.append(ended);
		result.append(", wallSeconds: ");
		result.append(wallSeconds);
		result.append(", pid: ");
		result.append(pid);
		result.append(", processStart: ");
		result.append(processStart);
		result.append(", processHost: ");
		result.append(processHost);
		result.append(')');
		return result.toString();
	}

} //RunImpl
