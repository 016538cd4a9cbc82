package android.os;

oneway interface IClientCallback {
    /** The service `registered` gained its first client or lost its last one. */
    void onClients(IBinder registered, boolean hasClients);
}
