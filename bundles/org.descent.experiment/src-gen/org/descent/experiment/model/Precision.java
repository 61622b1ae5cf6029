/**
 */
package org.descent.experiment.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.common.util.Enumerator;

/**
 * <!-- begin-user-doc -->
 * A representation of the literals of the enumeration '<em><b>Precision</b></em>',
 * and utility methods for working with them.
 * <!-- end-user-doc -->
 * @see org.descent.experiment.model.ExperimentPackage#getPrecision()
 * @model
 * @generated
 */
public enum Precision implements Enumerator {
	/**
	 * The '<em><b>Fp64</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #FP64_VALUE
	 * @generated
	 * @ordered
	 */
	FP64(0, "fp64", "fp64"),

	/**
	 * The '<em><b>Fp32</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #FP32_VALUE
	 * @generated
	 * @ordered
	 */
	FP32(1, "fp32", "fp32"),

	/**
	 * The '<em><b>Mixed Fp16</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MIXED_FP16_VALUE
	 * @generated
	 * @ordered
	 */
	MIXED_FP16(2, "mixedFp16", "mixed-fp16"),

	/**
	 * The '<em><b>Mixed Bf16</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MIXED_BF16_VALUE
	 * @generated
	 * @ordered
	 */
	MIXED_BF16(3, "mixedBf16", "mixed-bf16");

	/**
	 * The '<em><b>Fp64</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #FP64
	 * @model name="fp64"
	 * @generated
	 * @ordered
	 */
	public static final int FP64_VALUE = 0;

	/**
	 * The '<em><b>Fp32</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #FP32
	 * @model name="fp32"
	 * @generated
	 * @ordered
	 */
	public static final int FP32_VALUE = 1;

	/**
	 * The '<em><b>Mixed Fp16</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MIXED_FP16
	 * @model name="mixedFp16" literal="mixed-fp16"
	 * @generated
	 * @ordered
	 */
	public static final int MIXED_FP16_VALUE = 2;

	/**
	 * The '<em><b>Mixed Bf16</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MIXED_BF16
	 * @model name="mixedBf16" literal="mixed-bf16"
	 * @generated
	 * @ordered
	 */
	public static final int MIXED_BF16_VALUE = 3;

	/**
	 * An array of all the '<em><b>Precision</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private static final Precision[] VALUES_ARRAY =
		new Precision[] {
			FP64,
			FP32,
			MIXED_FP16,
			MIXED_BF16,
		};

	/**
	 * A public read-only list of all the '<em><b>Precision</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static final List<Precision> VALUES = Collections.unmodifiableList(Arrays.asList(VALUES_ARRAY));

	/**
	 * Returns the '<em><b>Precision</b></em>' literal with the specified literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param literal the literal.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static Precision get(String literal) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			Precision result = VALUES_ARRAY[i];
			if (result.toString().equals(literal)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Precision</b></em>' literal with the specified name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param name the name.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static Precision getByName(String name) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			Precision result = VALUES_ARRAY[i];
			if (result.getName().equals(name)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Precision</b></em>' literal with the specified integer value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the integer value.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static Precision get(int value) {
		switch (value) {
			case FP64_VALUE: return FP64;
			case FP32_VALUE: return FP32;
			case MIXED_FP16_VALUE: return MIXED_FP16;
			case MIXED_BF16_VALUE: return MIXED_BF16;
		}
		return null;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final int value;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String name;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String literal;

	/**
	 * Only this class can construct instances.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private Precision(int value, String name, String literal) {
		this.value = value;
		this.name = name;
		this.literal = literal;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getValue() {
	  return value;
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
	public String getLiteral() {
	  return literal;
	}

	/**
	 * Returns the literal value of the enumerator, which is its string representation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		return literal;
	}
	
} //Precision
