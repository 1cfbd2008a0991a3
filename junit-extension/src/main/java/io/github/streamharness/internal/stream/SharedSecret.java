package io.github.streamharness.internal.stream;

/**
 * One value a public class of the API hands over to the engine when the class is initialized (the JDK's
 * shared-secrets idiom): a way into the class that its API does not offer, such as a record's bytes without a copy.
 * Only the owner's own nested classes may install it, and only once, so no caller can put in a value of its own before
 * the owner does. A reader keeps {@link #get}'s value in a {@code static final} field of a holder class, so the hot
 * path reads a constant.
 *
 * @param <T> what the owner hands over
 */
public final class SharedSecret<T> {
    private final Class<?> owner;
    private final String what;
    private volatile T installed;

    /** A secret that {@code owner} installs; {@code what} names it in the errors. */
    public SharedSecret(Class<?> owner, String what) {
        this.owner = owner;
        this.what = what;
    }

    /**
     * Called once, by the owner's static initializer; a second call fails, and so does a value whose class is not
     * nested in the owner.
     */
    public synchronized void install(T value) {
        if (value == null || value.getClass().getNestHost() != owner) {
            throw new IllegalArgumentException("only " + owner.getSimpleName() + " installs its " + what
                    + "; the engine's access to it is not an API");
        }
        if (installed != null) {
            throw new IllegalStateException(owner.getSimpleName() + "'s " + what + " is installed already");
        }
        installed = value;
    }

    /** The installed value, initializing the owner first if it was not yet. */
    public T get() {
        try {
            Class.forName(owner.getName(), true, owner.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(owner.getName() + " is loaded: cannot happen", e);
        }
        T value = installed;
        if (value == null) {
            throw new IllegalStateException(owner.getSimpleName() + " did not install its " + what);
        }
        return value;
    }
}
