//! The receive-buffer allocator: best-fit over one process's mapping.
//!
//! Like the kernel's `binder_alloc` (and the Rust driver's tree allocator) it keeps every range,
//! free or used, in one address-ordered map, and the free ranges again in a `(size, offset)`
//! set so the best fit is the first entry at or above the requested size. No header lives inside
//! the mapping: a range's size is its map entry. Oneway buffers are charged against an async
//! quota of half the mapping.

use std::collections::{BTreeMap, BTreeSet};

use super::Errno;

/// The most of a mapping the driver ever uses (`SZ_4M`); the rest is mapped but idle.
pub(crate) const MAX_BUFFER_SPACE: usize = 4 << 20;

/// Rounds `n` up to the buffer alignment (the kernel's `ALIGN(n, sizeof(void *))`), or `None`
/// on overflow.
pub(crate) fn align8(n: u64) -> Option<u64> {
    n.checked_add(7).map(|v| v & !7)
}

#[derive(Clone, Copy, Debug)]
struct Range {
    size: usize,
    /// `Some(oneway)` while allocated.
    used: Option<bool>,
}

/// Best-fit allocator over `[0, size)`.
///
/// Invariants: `ranges` tiles `[0, size)` exactly; no two free ranges are adjacent; `free`
/// holds exactly the free ranges.
#[derive(Debug)]
pub(crate) struct RangeAllocator {
    size: usize,
    ranges: BTreeMap<usize, Range>,
    free: BTreeSet<(usize, usize)>,
    free_async_space: usize,
}

impl RangeAllocator {
    /// An allocator with one free range covering `size` bytes.
    pub(crate) fn new(size: usize) -> Self {
        assert!(size > 0 && size <= MAX_BUFFER_SPACE);
        let mut ranges = BTreeMap::new();
        ranges.insert(0, Range { size, used: None });
        RangeAllocator {
            size,
            ranges,
            free: BTreeSet::from([(size, 0)]),
            free_async_space: size / 2,
        }
    }

    /// Bytes under management.
    pub(crate) fn size(&self) -> usize {
        self.size
    }

    /// What is left of the oneway quota.
    pub(crate) fn free_async_space(&self) -> usize {
        self.free_async_space
    }

    /// Reserves `size` bytes (already 8-aligned, at least 8) and returns the offset.
    ///
    /// `ENOSPC` when no free range fits or, for a oneway buffer, the async quota is short.
    pub(crate) fn reserve(&mut self, size: usize, oneway: bool) -> Result<usize, Errno> {
        assert!(size >= 8 && size % 8 == 0);
        if oneway && self.free_async_space < size {
            tracing::debug!(size, free = self.free_async_space, "no async space left");
            return Err(Errno::ENOSPC);
        }
        let Some(&(found, offset)) = self.free.range((size, 0)..).next() else {
            tracing::debug!(size, "no address space");
            return Err(Errno::ENOSPC);
        };
        self.free.remove(&(found, offset));
        if found > size {
            let rest = Range {
                size: found - size,
                used: None,
            };
            self.ranges.insert(offset + size, rest);
            self.free.insert((rest.size, offset + size));
        }
        self.ranges.insert(
            offset,
            Range {
                size,
                used: Some(oneway),
            },
        );
        if oneway {
            self.free_async_space -= size;
        }
        Ok(offset)
    }

    /// The size of the allocated range at `offset`.
    pub(crate) fn allocated_size(&self, offset: usize) -> Option<usize> {
        self.ranges
            .get(&offset)
            .filter(|r| r.used.is_some())
            .map(|r| r.size)
    }

    /// Frees the allocated range at `offset`, merging it with free neighbours; returns its size.
    pub(crate) fn free(&mut self, offset: usize) -> Option<usize> {
        let range = *self.ranges.get(&offset)?;
        let oneway = range.used?;
        if oneway {
            self.free_async_space += range.size;
        }
        let mut start = offset;
        let mut size = range.size;
        if let Some((&next_off, next)) = self.ranges.range(offset + size..).next() {
            if next.used.is_none() && next_off == offset + size {
                self.free.remove(&(next.size, next_off));
                size += next.size;
                self.ranges.remove(&next_off);
            }
        }
        if let Some((&prev_off, &prev)) = self.ranges.range(..offset).next_back() {
            if prev.used.is_none() {
                assert_eq!(prev_off + prev.size, offset);
                self.free.remove(&(prev.size, prev_off));
                self.ranges.remove(&offset);
                start = prev_off;
                size += prev.size;
            }
        }
        self.ranges.insert(start, Range { size, used: None });
        self.free.insert((size, start));
        Some(range.size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &RangeAllocator) {
        let mut pos = 0;
        let mut prev_free = false;
        for (&off, r) in &a.ranges {
            assert_eq!(off, pos);
            let free = r.used.is_none();
            assert!(!(free && prev_free), "adjacent free ranges");
            assert_eq!(a.free.contains(&(r.size, off)), free);
            prev_free = free;
            pos += r.size;
        }
        assert_eq!(pos, a.size);
        assert_eq!(
            a.free.len(),
            a.ranges.values().filter(|r| r.used.is_none()).count()
        );
    }

    #[test]
    fn first_buffer_at_zero_and_sequential() {
        let mut a = RangeAllocator::new(4096);
        assert_eq!(a.reserve(8, false), Ok(0));
        assert_eq!(a.reserve(16, false), Ok(8));
        check(&a);
    }

    #[test]
    fn best_fit_prefers_smallest_hole_and_exact() {
        let mut a = RangeAllocator::new(4096);
        let x = a.reserve(64, false).unwrap();
        let _y = a.reserve(8, false).unwrap();
        let z = a.reserve(32, false).unwrap();
        let _w = a.reserve(8, false).unwrap();
        a.free(x);
        a.free(z);
        check(&a);
        // Holes: 64 at 0, 32 at 72, tail. A 32-byte request takes the exact 32 hole.
        assert_eq!(a.reserve(32, false), Ok(72));
        // A 16-byte request takes the 64 hole (smallest that fits), split at its start.
        assert_eq!(a.reserve(16, false), Ok(0));
        check(&a);
    }

    #[test]
    fn free_merges_both_neighbours() {
        let mut a = RangeAllocator::new(1024);
        let p = a.reserve(8, false).unwrap();
        let q = a.reserve(8, false).unwrap();
        let r = a.reserve(8, false).unwrap();
        a.free(p);
        a.free(r);
        a.free(q);
        check(&a);
        assert_eq!(a.ranges.len(), 1);
        assert_eq!(a.reserve(1024, false), Ok(0));
    }

    #[test]
    fn full_and_async_quota() {
        let mut a = RangeAllocator::new(1024);
        assert_eq!(a.reserve(1032, false), Err(Errno::ENOSPC));
        assert_eq!(a.reserve(520, true), Err(Errno::ENOSPC));
        let o = a.reserve(512, true).unwrap();
        assert_eq!(a.free_async_space(), 0);
        assert_eq!(a.reserve(8, true), Err(Errno::ENOSPC));
        assert!(a.reserve(8, false).is_ok());
        a.free(o);
        assert_eq!(a.free_async_space(), 512);
        assert_eq!(a.free(o), None, "double free is refused");
        check(&a);
    }

    #[test]
    fn align() {
        assert_eq!(align8(0), Some(0));
        assert_eq!(align8(1), Some(8));
        assert_eq!(align8(8), Some(8));
        assert_eq!(align8(u64::MAX), None);
    }
}
