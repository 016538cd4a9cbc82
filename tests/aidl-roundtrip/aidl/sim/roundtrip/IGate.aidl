package sim.roundtrip;

import sim.roundtrip.ICallback;

/** The async tests' service (tests/tokio.rs), implemented with async methods. */
interface IGate {
    /** Returns `token` once open(token) was called (before or after), -1 after the wait bound. */
    int waitOpen(int token);

    /** Opens the gate `token`. */
    oneway void open(int token);

    /** Answered by another task of the service's runtime: how many asks it answered so far. */
    int askOtherTask();

    /**
     * The serving process: [threads in /proc/self/task minus those it had when it started
     * serving, 1 if this call runs on the thread that started serving, 1 if a binder thread
     * pool was started].
     */
    int[] threads();

    /** cb.apply(v), called from the async method (a nested call). */
    int callBack(ICallback cb, int v);
}
