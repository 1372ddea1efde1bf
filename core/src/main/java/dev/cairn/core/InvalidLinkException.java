package dev.cairn.core;

/** A link breaks the rules: the layer order, a missing end, or a link that is or is not there. */
public class InvalidLinkException extends CairnException {
    private static final long serialVersionUID = 1L;

    /** @param message the link and the rule it breaks */
    public InvalidLinkException(String message) {
        super(message);
    }

    /**
     * @param message the link and the rule it breaks
     * @param cause   the driver's error that reported it
     */
    public InvalidLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
