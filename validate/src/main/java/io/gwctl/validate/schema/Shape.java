package io.gwctl.validate.schema;

import java.util.List;
import java.util.Objects;

/**
 * What a field may hold, in the terms of a CRD's OpenAPI schema: a scalar of one type, one of an enum's
 * values, a list, a map, or an object with named properties.
 */
sealed interface Shape permits Shape.Scalar, Shape.Enumeration, Shape.ListOf, Shape.MapOf, ObjectShape {

    /** The OpenAPI type name of this shape ({@code string}, {@code integer}, {@code object}…), for messages. */
    String typeName();

    /** The scalar types, named as OpenAPI names them. */
    enum ScalarType {
        STRING("string"),
        INTEGER("integer"),
        /** A protobuf {@code int32} or Kubernetes {@code int32}: an integer that fits in 32 bits. */
        INT32("integer"),
        NUMBER("number"),
        BOOLEAN("boolean"),
        /** Kubernetes {@code IntOrString}: a port number or a port name. */
        INT_OR_STRING("integer or string"),
        /** Kubernetes {@code Quantity}: {@code 500m}, {@code 1Gi} or a bare number. */
        QUANTITY("string or number"),
        /** Free-form: anything goes (status, {@code managedFields[].fieldsV1}). */
        ANY("any");

        private final String typeName;

        ScalarType(String typeName) {
            this.typeName = typeName;
        }

        String typeName() {
            return typeName;
        }
    }

    /** A single value of {@code type}. */
    record Scalar(ScalarType type) implements Shape {

        static final Scalar STRING = new Scalar(ScalarType.STRING);
        static final Scalar INTEGER = new Scalar(ScalarType.INTEGER);
        static final Scalar INT32 = new Scalar(ScalarType.INT32);
        static final Scalar NUMBER = new Scalar(ScalarType.NUMBER);
        static final Scalar BOOLEAN = new Scalar(ScalarType.BOOLEAN);
        static final Scalar INT_OR_STRING = new Scalar(ScalarType.INT_OR_STRING);
        static final Scalar QUANTITY = new Scalar(ScalarType.QUANTITY);
        static final Scalar ANY = new Scalar(ScalarType.ANY);

        public Scalar {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String typeName() {
            return type.typeName();
        }
    }

    /** A string that must be one of {@code values}, in the order the API defines them. */
    record Enumeration(List<String> values) implements Shape {

        public Enumeration {
            values = List.copyOf(values);
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    /** A list whose items are each {@code items}. */
    record ListOf(Shape items) implements Shape {

        public ListOf {
            Objects.requireNonNull(items, "items");
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /** A map from free-form string keys (labels, headers) to values of {@code values}. */
    record MapOf(Shape values) implements Shape {

        public MapOf {
            Objects.requireNonNull(values, "values");
        }

        @Override
        public String typeName() {
            return "object";
        }
    }
}
