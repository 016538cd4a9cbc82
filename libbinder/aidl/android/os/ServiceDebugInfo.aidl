package android.os;

parcelable ServiceDebugInfo {
    @utf8InCpp String name;
    /** The pid that registered the service (it may have exited since). */
    int debugPid;
}
