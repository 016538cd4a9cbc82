package sim.golden;

/** Called back by IBasic; every method is oneway. */
oneway interface ICallback {
    void onEvent(int code, String message);
    void onBinder(IBinder b);
}
