package android.os;

parcelable ServiceWithMetadata {
    @nullable IBinder service;
    boolean isLazyService;
}
