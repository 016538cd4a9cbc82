package android.os;

oneway interface IServiceCallback {
    /** A service named `name` was registered (or already was when the callback was). */
    void onRegistration(@utf8InCpp String name, IBinder binder);
}
