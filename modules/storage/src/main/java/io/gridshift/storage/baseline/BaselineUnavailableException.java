package io.gridshift.storage.baseline;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;

/** The meter data does not allow this baseline: too few eligible days, or a window without data. */
public final class BaselineUnavailableException extends GridshiftException {
    private static final long serialVersionUID = 1L;

    public BaselineUnavailableException(String message) {
        super(ErrorKind.NOT_FOUND, "insufficient_data", message);
    }
}
