//! `parcelable Point` written by hand, as AIDL's unstructured parcelables are: two `int`s
//! behind the presence flag, with no size header.

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

impl binder::Parcelable for Point {
    fn write_to_parcel(
        &self,
        parcel: &mut binder::binder_impl::BorrowedParcel<'_>,
    ) -> Result<(), binder::StatusCode> {
        parcel.write(&self.x)?;
        parcel.write(&self.y)
    }

    fn read_from_parcel(
        &mut self,
        parcel: &binder::binder_impl::BorrowedParcel<'_>,
    ) -> Result<(), binder::StatusCode> {
        self.x = parcel.read()?;
        self.y = parcel.read()?;
        Ok(())
    }
}

binder::impl_serialize_for_parcelable!(Point);
binder::impl_deserialize_for_parcelable!(Point);
