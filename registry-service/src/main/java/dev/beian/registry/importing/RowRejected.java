package dev.beian.registry.importing;

/** Why a row was not imported; reported back with its row number. */
public class RowRejected extends RuntimeException {

    public RowRejected(String reason) {
        super(reason, null, false, false);
    }
}
