/* test-diskfull.c: a disk that fills up, and a folder that is read-only.
 *
 * Real file systems, not simulations: a tiny tmpfs mounted in a mount
 * namespace of the test's own (so it vanishes with the process, even if
 * it crashes), and the same tmpfs remounted read-only. Needs root (as in
 * CI's container); skipped otherwise.
 *
 * - Filling the disk: writes fail with NB_STORE_ERROR_FULL and a message
 *   that says so, every write reported done is there, reading (lists,
 *   search, a person's page) still works, nothing is corrupt, and once
 *   space is freed the same store saves again.
 * - A full disk when opening, creating, migrating and backing up: a
 *   clear error, nothing half-made left behind, the notebook unchanged.
 * - A read-only folder: refused with NB_STORE_ERROR_READ_ONLY by the
 *   store and by netbook-cli (exit status 1), the file unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "robust-util.h"

/* A fresh notebook takes about 200 KiB; the WAL grows as the disk fills.
 * The ballast freed once it is full must hold a save of a person and a
 * note with every index the schema has (since version 4, 160 KiB was not
 * always enough). */
#define DISK_SIZE "1m"
#define BALLAST_SIZE (320 * 1024)

static gboolean
mount_disk (const char *dir)
{
  if (!robust_mount_tmpfs (dir, DISK_SIZE))
    {
      g_test_skip ("cannot mount a tmpfs here (needs root and a mount namespace)");
      return FALSE;
    }

  return TRUE;
}

/* A file that takes @size bytes of the disk, to free later. */
static void
write_ballast (const char *path,
               gsize       size)
{
  g_autofree char *data = g_malloc0 (size);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) size, &error);
  g_assert_no_error (error);
}

/* Fills what is left of the disk holding @dir with files of ballast,
 * down to the last block. */
static void
fill_disk (const char *dir)
{
  for (guint i = 0; ; i++)
    {
      g_autofree char *name = g_strdup_printf ("filler-%u", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      struct statvfs st;
      gsize size;
      int fd;

      g_assert_cmpint (statvfs (dir, &st), ==, 0);
      if (st.f_bavail == 0)
        return;
      g_assert_cmpuint (i, <, 100);

      size = MAX ((gsize) st.f_bavail * st.f_bsize, 1);
      fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
      g_assert_cmpint (fd, >=, 0);
      {
        g_autofree char *data = g_malloc0 (size);
        gssize n = write (fd, data, size);

        g_assert_true (n >= 0 || errno == ENOSPC);
      }
      close (fd);
    }
}

static void
remove_fillers (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (name, "filler-"))
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static void
assert_full_error (const GError *error)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
}

static gboolean
add_note_person (NbStore    *store,
                 guint       i,
                 gint64     *out_id,
                 GError    **error)
{
  g_autofree char *name = g_strdup_printf ("Person %u on a full disk", i);
  g_autoptr(NbPerson) person = nb_person_new (name);
  g_autoptr(NbEntry) entry = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  gint64 id;

  /* Text that does not compress into a few FTS pages. */
  for (guint j = 0; j < 400; j++)
    g_string_append_printf (note, "word%u-%u ", i, j);

  id = nb_store_add_person (store, person, error);
  if (id == 0)
    return FALSE;
  entry = nb_entry_new (NB_ENTRY_NOTE, id, "2024-05-20", note->str);
  if (nb_store_add_entry (store, entry, error) == 0)
    return FALSE;

  *out_id = id;
  return TRUE;
}

static void
assert_readable (NbStore *store,
                 guint    n_people)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(NbBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;
  NbPerson *first;

  people = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, n_people);

  hits = nb_store_search (store, "full disk", 0, &error);
  g_assert_no_error (error);

  first = people->pdata[0];
  timeline = nb_store_list_entries (store, nb_person_get_id (first), &error);
  g_assert_no_error (error);
  briefing = nb_store_build_briefing (store, nb_person_get_id (first), NULL, &error);
  g_assert_no_error (error);

  robust_assert_models (store);
}

static void
test_fill_up (void)
{
  g_autofree char *dir = robust_scratch_dir ("full");
  g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
  g_autofree char *ballast = g_build_filename (dir, "ballast", NULL);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_done = 0;
  gint64 id = 0;

  if (!mount_disk (dir))
    return;

  write_ballast (ballast, BALLAST_SIZE);
  store = nb_store_open (path, &error);
  g_assert_no_error (error);

  /* Write until the disk is full. */
  for (;;)
    {
      if (!add_note_person (store, n_done, &id, &error))
        break;
      n_done++;
      g_assert_cmpuint (n_done, <, 10000);
    }
  assert_full_error (error);
  g_clear_error (&error);
  g_test_message ("the disk filled up after %u people", n_done);
  g_assert_cmpuint (n_done, >, 0);

  /* The half-done person and note: the person may be saved (it was its
   * own write), the note not. */
  {
    g_autoptr(GPtrArray) people = nb_store_list_people (store, NULL, TRUE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (people->len, >=, n_done);
    g_assert_cmpuint (people->len, <=, n_done + 1);
    n_done = people->len;
  }

  /* Reading still works, again and again; writing keeps failing clearly. */
  assert_readable (store, n_done);
  g_assert_false (add_note_person (store, 99999, &id, &error));
  assert_full_error (error);
  g_clear_error (&error);
  assert_readable (store, n_done);
  robust_assert_integrity (path);

  /* netbook-cli can read it too. */
  {
    const char *argv[] = { g_getenv ("NETBOOK_CLI"), "--db", path, "list", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (robust_spawn (argv, NULL, NULL, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Person 0 on a full disk"));
  }

  /* Space again: the same store saves. */
  g_assert_cmpint (g_unlink (ballast), ==, 0);
  g_assert_true (add_note_person (store, 100000, &id, &error));
  g_assert_no_error (error);
  n_done++;
  assert_readable (store, n_done);

  g_clear_object (&store);
  robust_assert_integrity (path);
  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  assert_readable (store, n_done);
}

/* The disk is full before Netbook starts. Opening a notebook in WAL mode
 * makes its -shm (32 KiB), so it may not open at all: then the message
 * says that the disk is full (not "check the disk"), and the file is
 * unchanged. If it opens, it reads. */
static void
test_open_full (void)
{
  g_autofree char *dir = robust_scratch_dir ("open-full");
  g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  gint64 id;

  if (!mount_disk (dir))
    return;

  robust_make_sample (path, 3);
  before = test_read_file (path);
  fill_disk (dir);

  store = nb_store_open (path, &error);
  if (store != NULL)
    {
      assert_readable (store, 6);
      g_assert_false (add_note_person (store, 1, &id, &error));
      assert_full_error (error);
      g_clear_error (&error);
      assert_readable (store, 6);
      g_clear_object (&store);
    }
  else
    {
      assert_full_error (error);
      g_clear_error (&error);
    }

  /* netbook-cli says the same. */
  {
    const char *argv[] = { g_getenv ("NETBOOK_CLI"), "--db", path, "list", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = robust_spawn (argv, NULL, NULL, &out, &err);

    g_test_message ("netbook-cli list: %d %s", status, err);
    g_assert_true (status == 0 || strstr (err, "full") != NULL);
  }

  test_assert_untouched (path, before);
  remove_fillers (dir);
  robust_assert_integrity (path);
}

/* No room for a new notebook: an error, and nothing at its name. */
static void
test_create_full (void)
{
  g_autofree char *dir = robust_scratch_dir ("create-full");
  g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!mount_disk (dir))
    return;

  fill_disk (dir);
  store = nb_store_open (path, &error);
  g_assert_null (store);
  assert_full_error (error);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_true (g_str_has_prefix (name, "filler-"));
  }
}

/* No room for a backup: an error, the older backup kept, no half file. */
static void
test_backup_full (void)
{
  g_autofree char *dir = robust_scratch_dir ("backup-full");
  g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old_copy = NULL;

  if (!mount_disk (dir))
    return;

  robust_make_sample (path, 0);
  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  nb_store_backup (store, copy, &error);
  g_assert_no_error (error);
  old_copy = test_read_file (copy);
  test_add_person (store, "After the first copy", "", "");
  fill_disk (dir);

  g_assert_false (nb_store_backup (store, copy, &error));
  assert_full_error (error);
  g_clear_error (&error);

  {
    g_autoptr(GBytes) now = test_read_file (copy);
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    g_assert_true (g_bytes_equal (now, old_copy));
    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (name[0] == '.');
  }
  assert_readable (store, 4);
}

/* No room for the copy taken before migrating: the old notebook is
 * refused with a clear error, unchanged, and migrates once there is. */
static void
test_migrate_full (void)
{
  g_autofree char *dir = robust_scratch_dir ("migrate-full");
  g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  if (!mount_disk (dir))
    return;

  robust_make_v1 (path);
  before = test_read_file (path);
  fill_disk (dir);

  store = nb_store_open (path, &error);
  g_assert_null (store);
  assert_full_error (error);
  g_clear_error (&error);

  test_assert_untouched (path, before);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (name[0] == '.');
  }

  remove_fillers (dir);
  robust_assert_integrity (path);
  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (store->db, "PRAGMA user_version"), ==, NB_STORE_SCHEMA_VERSION);
}

static void
test_read_only (void)
{
  g_autofree char *dir = robust_scratch_dir ("read-only");
  g_autofree char *path = g_build_filename (dir, "netbook.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "new", "netbook.db", NULL);
  g_autofree char *options = g_strdup_printf ("size=%s", DISK_SIZE);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!mount_disk (dir))
    return;

  robust_make_sample (path, 2);
  before = test_read_file (path);
  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, options), ==, 0);

  store = nb_store_open (path, &error);
  g_assert_null (store);
  g_test_message ("%s", error->message);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "writable"));
  g_clear_error (&error);
  test_assert_untouched (path, before);

  /* Nowhere to create one either. */
  store = nb_store_open (missing, &error);
  g_assert_null (store);
  g_test_message ("%s", error->message);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* netbook-cli says so, and fails. */
  {
    const char *argv[] = { g_getenv ("NETBOOK_CLI"), "--db", path, "list", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (robust_spawn (argv, NULL, NULL, &out, &err), ==, 1);
    g_test_message ("netbook-cli: %s", err);
    g_assert_nonnull (strstr (err, "writable"));
    g_assert_cmpstr (out, ==, "");
  }
  test_assert_untouched (path, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Before any thread: a mount namespace of our own. */
  robust_private_mounts ();

  g_test_add_func ("/robust/diskfull/fill-up", test_fill_up);
  g_test_add_func ("/robust/diskfull/open-full", test_open_full);
  g_test_add_func ("/robust/diskfull/create-full", test_create_full);
  g_test_add_func ("/robust/diskfull/backup-full", test_backup_full);
  g_test_add_func ("/robust/diskfull/migrate-full", test_migrate_full);
  g_test_add_func ("/robust/diskfull/read-only", test_read_only);

  return g_test_run ();
}
