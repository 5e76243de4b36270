package io.gwctl.translate.convert;

/** The annotation every converted object carries, naming what it was converted from. */
public final class ConvertedFrom {

    /** Value: {@code Kind namespace/name[, Kind namespace/name…]} of the source objects. */
    public static final String ANNOTATION = "gwctl.io/converted-from";

    private ConvertedFrom() {
    }
}
