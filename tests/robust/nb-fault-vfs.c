/* nb-fault-vfs.c: a SQLite VFS that fails I/O on purpose, for tests only.
 *
 * The shim pattern of SQLite's own test VFSes (test_vfstrace.c): each
 * file is our small header followed by the real VFS's file, and every
 * method forwards to the real one unless a fault is due.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "nb-fault-vfs.h"

typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;  /* right after this struct, szOsFile of the real VFS */
} FaultFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;

static GMutex lock;
static guint counts[NB_FAULT_N_KINDS];
static gboolean armed;
static NbFaultKind armed_kind;
static guint armed_n;
static gboolean armed_persistent;
static guint injected;

#define REAL(f) (((FaultFile *) (f))->real)

const char *
nb_fault_kind_to_string (NbFaultKind kind)
{
  switch (kind)
    {
    case NB_FAULT_READ:
      return "read";
    case NB_FAULT_WRITE:
      return "write";
    case NB_FAULT_FULL:
      return "full";
    case NB_FAULT_SYNC:
      return "sync";
    case NB_FAULT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Counts one operation of @kind and says whether it must fail. */
static gboolean
fault_due (NbFaultKind kind)
{
  gboolean fail = FALSE;
  NbFaultKind counter = kind == NB_FAULT_FULL ? NB_FAULT_WRITE : kind;
  guint n;

  g_mutex_lock (&lock);
  n = ++counts[counter];
  if (kind == NB_FAULT_WRITE)
    counts[NB_FAULT_FULL] = n;

  if (armed)
    {
      gboolean same = armed_kind == kind ||
                      (kind == NB_FAULT_WRITE && armed_kind == NB_FAULT_FULL);

      if (same && (n == armed_n || (armed_persistent && n > armed_n)))
        {
          fail = TRUE;
          injected++;
        }
    }
  g_mutex_unlock (&lock);

  return fail;
}

static int
fault_close (sqlite3_file *file)
{
  sqlite3_file *real = REAL (file);
  int rc = SQLITE_OK;

  if (real->pMethods != NULL)
    rc = real->pMethods->xClose (real);

  return rc;
}

static int
fault_read (sqlite3_file *file,
            void         *buf,
            int           amount,
            sqlite3_int64 offset)
{
  if (fault_due (NB_FAULT_READ))
    return SQLITE_IOERR_READ;

  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
fault_write (sqlite3_file *file,
             const void   *buf,
             int           amount,
             sqlite3_int64 offset)
{
  if (fault_due (NB_FAULT_WRITE))
    {
      gboolean full;

      g_mutex_lock (&lock);
      full = armed_kind == NB_FAULT_FULL;
      g_mutex_unlock (&lock);

      return full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    }

  return REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
fault_truncate (sqlite3_file *file,
                sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  if (fault_due (NB_FAULT_SYNC))
    return SQLITE_IOERR_FSYNC;

  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
fault_lock (sqlite3_file *file,
            int           level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
fault_shm_map (sqlite3_file  *file,
               int            region,
               int            size,
               int            extend,
               void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), region, size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

/* No memory-mapped reads: they would bypass xRead and its faults. SQLite
 * falls back to xRead when xFetch gives nothing. */
static int
fault_fetch (sqlite3_file  *file,
             sqlite3_int64  offset,
             int            amount,
             void         **out)
{
  *out = NULL;
  return SQLITE_OK;
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *p)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods fault_io_methods = {
  3,
  fault_close,
  fault_read,
  fault_write,
  fault_truncate,
  fault_sync,
  fault_file_size,
  fault_lock,
  fault_unlock,
  fault_check_reserved_lock,
  fault_file_control,
  fault_sector_size,
  fault_device_characteristics,
  fault_shm_map,
  fault_shm_lock,
  fault_shm_barrier,
  fault_shm_unmap,
  fault_fetch,
  fault_unfetch,
};

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *f = (FaultFile *) file;
  int rc;

  f->real = (sqlite3_file *) &f[1];
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  /* SQLite calls xClose whenever pMethods is set, even on failure. */
  f->base.pMethods = f->real->pMethods != NULL ? &fault_io_methods : NULL;

  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          size,
                     char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs,
                int          size,
                char        *out)
{
  real_vfs->xDlError (real_vfs, size, out);
}

static void
(*fault_dl_sym (sqlite3_vfs *vfs,
                void        *handle,
                const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs,
                  int          size,
                  char        *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
fault_sleep (sqlite3_vfs *vfs,
             int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          size,
                      char        *out)
{
  return real_vfs->xGetLastError (real_vfs, size, out);
}

static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static int
fault_set_system_call (sqlite3_vfs          *vfs,
                       const char           *name,
                       sqlite3_syscall_ptr   func)
{
  return real_vfs->xSetSystemCall (real_vfs, name, func);
}

static sqlite3_syscall_ptr
fault_get_system_call (sqlite3_vfs *vfs,
                       const char  *name)
{
  return real_vfs->xGetSystemCall (real_vfs, name);
}

static const char *
fault_next_system_call (sqlite3_vfs *vfs,
                        const char  *name)
{
  return real_vfs->xNextSystemCall (real_vfs, name);
}

void
nb_fault_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 3);

  fault_vfs.iVersion = 3;
  fault_vfs.szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile;
  fault_vfs.mxPathname = real_vfs->mxPathname;
  fault_vfs.zName = "nb-fault";
  fault_vfs.xOpen = fault_open;
  fault_vfs.xDelete = fault_delete;
  fault_vfs.xAccess = fault_access;
  fault_vfs.xFullPathname = fault_full_pathname;
  fault_vfs.xDlOpen = fault_dl_open;
  fault_vfs.xDlError = fault_dl_error;
  fault_vfs.xDlSym = fault_dl_sym;
  fault_vfs.xDlClose = fault_dl_close;
  fault_vfs.xRandomness = fault_randomness;
  fault_vfs.xSleep = fault_sleep;
  fault_vfs.xCurrentTime = fault_current_time;
  fault_vfs.xGetLastError = fault_get_last_error;
  fault_vfs.xCurrentTimeInt64 = fault_current_time_int64;
  fault_vfs.xSetSystemCall = fault_set_system_call;
  fault_vfs.xGetSystemCall = fault_get_system_call;
  fault_vfs.xNextSystemCall = fault_next_system_call;

  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

void
nb_fault_vfs_reset (void)
{
  g_mutex_lock (&lock);
  for (guint i = 0; i < NB_FAULT_N_KINDS; i++)
    counts[i] = 0;
  armed = FALSE;
  injected = 0;
  g_mutex_unlock (&lock);
}

guint
nb_fault_vfs_get_count (NbFaultKind kind)
{
  guint n;

  g_return_val_if_fail (kind < NB_FAULT_N_KINDS, 0);

  g_mutex_lock (&lock);
  n = counts[kind];
  g_mutex_unlock (&lock);

  return n;
}

void
nb_fault_vfs_arm (NbFaultKind kind,
                  guint       n,
                  gboolean    persistent)
{
  g_return_if_fail (kind < NB_FAULT_N_KINDS);
  g_return_if_fail (n > 0);

  g_mutex_lock (&lock);
  armed = TRUE;
  armed_kind = kind;
  armed_n = n;
  armed_persistent = persistent;
  injected = 0;
  g_mutex_unlock (&lock);
}

void
nb_fault_vfs_disarm (void)
{
  g_mutex_lock (&lock);
  armed = FALSE;
  g_mutex_unlock (&lock);
}

guint
nb_fault_vfs_get_injected (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = injected;
  g_mutex_unlock (&lock);

  return n;
}
