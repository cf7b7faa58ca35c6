/* test-privacy.c: what Netbook keeps stays private and on this computer.
 *
 * - Modes: the notebook, its -wal and -shm, the copy taken before
 *   migrating, backups and the safety copy of a restore are 0600; the
 *   notebook's folder and the backups folder 0700; exports written with
 *   -o are 0600 (folders 0700). Under umask 000, the most generous there
 *   is, so nothing relies on the user's umask.
 * - No network: the app (until its first frame is painted, on a notebook
 *   with people, photos and URLs) and netbook-cli (importing a vCard
 *   whose photo is a link, exporting, backing up) run under strace; every
 *   socket they create is AF_UNIX, and they connect only to the X server
 *   and the D-Bus session bus. Skipped without strace.
 *
 * Run with run-test.sh --gui: Xvfb and a session bus of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "nb-backup.h"
#include "robust-util.h"

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if ((st.st_mode & 0777) != mode)
    g_error ("%s is %03o, not %03o", path, st.st_mode & 0777, mode);
}

/* Every file under @dir is 0600 and every folder 0700. */
static void
assert_private_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  assert_mode (dir, 0700);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_private_tree (path);
      else
        assert_mode (path, 0600);
    }
}

static int
cli (const char *db,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("NETBOOK_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = robust_spawn ((const char * const *) argv->pdata, NULL, NULL, &out, &err);
  if (status != 0)
    g_test_message ("netbook-cli %s: %s", (const char *) argv->pdata[3], err);

  return status;
}

static void
test_modes (void)
{
  g_autofree char *db = nb_store_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *exports = robust_scratch_dir ("exports");
  g_autofree char *backup_dir = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);

  /* The default notebook, as the app makes it. */
  store = nb_store_open (NULL, &error);
  g_assert_no_error (error);
  test_fill_sample (store);
  assert_mode (dir, 0700);
  assert_mode (db, 0600);
  assert_mode (wal, 0600);
  assert_mode (shm, 0600);

  /* Backups, automatic and by hand. */
  backup = nb_backup_now (store, &error);
  g_assert_no_error (error);
  backup_dir = g_path_get_dirname (backup);
  assert_mode (backup_dir, 0700);
  assert_mode (backup, 0600);
  copy = g_build_filename (dir, "copy.db", NULL);
  nb_store_backup (store, copy, &error);
  g_assert_no_error (error);
  assert_mode (copy, 0600);
  g_clear_object (&store);

  /* A restore keeps the notebook as a safety copy. */
  nb_backup_restore (db, backup, &safety, &error);
  g_assert_no_error (error);
  assert_mode (safety, 0600);
  assert_mode (db, 0600);
  g_assert_cmpint (g_unlink (copy), ==, 0);

  /* The copy taken before migrating an old notebook. */
  {
    g_autofree char *old_dir = robust_scratch_dir ("old");
    g_autofree char *old = g_build_filename (old_dir, "netbook.db", NULL);
    g_autofree char *bak = g_strdup_printf ("%s.before-v%d.bak", old, NB_STORE_SCHEMA_VERSION);

    robust_make_v1 (old);
    g_assert_cmpint (g_chmod (old, 0600), ==, 0);
    store = nb_store_open (old, &error);
    g_assert_no_error (error);
    assert_mode (bak, 0600);
    g_clear_object (&store);
  }

  /* netbook-cli's backups and exports. */
  {
    g_autofree char *cli_backup = g_build_filename (exports, "backup.db", NULL);
    g_autofree char *json = g_build_filename (exports, "all.json", NULL);
    g_autofree char *vcf = g_build_filename (exports, "all.vcf", NULL);
    g_autofree char *csv = g_build_filename (exports, "all.csv", NULL);
    g_autofree char *md = g_build_filename (exports, "markdown", NULL);

    g_assert_cmpint (cli (db, "backup", cli_backup, NULL), ==, 0);
    g_assert_cmpint (cli (db, "export", "--format", "json", "-o", json, NULL), ==, 0);
    g_assert_cmpint (cli (db, "export", "--format", "vcard", "-o", vcf, NULL), ==, 0);
    g_assert_cmpint (cli (db, "export", "--format", "csv", "-o", csv, NULL), ==, 0);
    g_assert_cmpint (cli (db, "export", "--format", "markdown", "-o", md, NULL), ==, 0);
    g_assert_cmpint (g_chmod (exports, 0700), ==, 0);
    assert_private_tree (exports);
  }

  /* Everything in Netbook's folder, backups included. */
  assert_private_tree (dir);

  umask (old_umask);
}

/* ---- No network ---------------------------------------------------------- */

static char *
find_strace (void)
{
  return g_find_program_in_path ("strace");
}

/* Runs @argv under strace, returns the trace. */
static char *
trace_run (const char * const *argv,
           const char * const *env,
           int                *out_status)
{
  g_autofree char *dir = robust_scratch_dir ("trace");
  g_autofree char *log = g_build_filename (dir, "strace.log", NULL);
  g_autofree char *strace = find_strace ();
  g_autoptr(GPtrArray) full = g_ptr_array_new ();
  g_autoptr(GPtrArray) full_env = g_ptr_array_new ();
  g_autofree char *trace = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (full, strace);
  g_ptr_array_add (full, (char *) "-f");
  g_ptr_array_add (full, (char *) "-qq");
  g_ptr_array_add (full, (char *) "-e");
  g_ptr_array_add (full, (char *) "trace=socket,connect,sendto,sendmsg");
  g_ptr_array_add (full, (char *) "-o");
  g_ptr_array_add (full, log);
  g_ptr_array_add (full, (char *) "--");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (full, (char *) argv[i]);
  g_ptr_array_add (full, NULL);

  /* LSan stops the world with ptrace, which strace holds already. */
  g_ptr_array_add (full_env, (char *) "ASAN_OPTIONS=detect_leaks=0:detect_odr_violation=0");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    g_ptr_array_add (full_env, (char *) env[i]);
  g_ptr_array_add (full_env, NULL);

  *out_status = robust_spawn ((const char * const *) full->pdata,
                              (const char * const *) full_env->pdata, NULL, NULL, NULL);
  g_file_get_contents (log, &trace, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&trace);
}

/* "/tmp/dbus-XXXX" of "unix:path=/tmp/dbus-XXXX,guid=…" (or abstract=). */
static char *
bus_socket_path (void)
{
  const char *address = g_getenv ("DBUS_SESSION_BUS_ADDRESS");
  const char *start;

  if (address == NULL || !g_str_has_prefix (address, "unix:") ||
      (start = strchr (address, '=')) == NULL)
    return NULL;

  start++;
  return g_strndup (start, strcspn (start, ",;"));
}

/* Every socket is AF_UNIX, and every connect() reaches the X server or
 * the session bus. */
static void
assert_no_network (const char *label,
                   const char *trace)
{
  g_auto(GStrv) lines = g_strsplit (trace, "\n", -1);
  g_autofree char *bus = bus_socket_path ();
  guint n_sockets = 0;
  guint n_connects = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *call = strstr (line, "socket(");

      if (call != NULL && (call == line || call[-1] == ' '))
        {
          n_sockets++;
          if (strstr (call, "socket(AF_UNIX") == NULL)
            g_error ("%s opened a socket that is not AF_UNIX: %s", label, line);
          continue;
        }

      call = strstr (line, "connect(");
      if (call != NULL && (call == line || call[-1] == ' '))
        {
          n_connects++;
          if (strstr (call, "sa_family=AF_UNIX") == NULL)
            g_error ("%s connected outside this computer: %s", label, line);
          /* The X server, the session bus; nothing else (no name
           * service, no other daemon). */
          if (strstr (call, ".X11-unix") == NULL &&
              (bus == NULL || strstr (call, bus) == NULL))
            g_error ("%s connected to something else than X11 or the session bus: %s", label, line);
        }
    }

  g_test_message ("%s: %u sockets, %u connects, all local", label, n_sockets, n_connects);
}

static void
test_no_network_cli (void)
{
  g_autofree char *strace = find_strace ();
  g_autofree char *dir = robust_scratch_dir ("net-cli");
  g_autofree char *db = g_build_filename (dir, "netbook.db", NULL);
  g_autofree char *vcf = g_build_filename (dir, "in.vcf", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  const char *cli_path = g_getenv ("NETBOOK_CLI");
  const char vcard[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Linked Photo\r\n"
    "PHOTO;VALUE=uri:http://203.0.113.7/photo.jpg\r\n"
    "URL:https://example.com/linked\r\nEMAIL:linked@example.com\r\n"
    "X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/linked\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Data Photo\r\n"
    "PHOTO:data:image/png;base64,iVBORw0KGgo=\r\nEND:VCARD\r\n";

  if (strace == NULL)
    {
      g_test_skip ("strace is not installed");
      return;
    }

  test_write_file (vcf, vcard, sizeof vcard - 1);

  {
    const char *commands[][8] = {
      { cli_path, "--db", db, "import", vcf, NULL },
      { cli_path, "--db", db, "list", NULL },
      { cli_path, "--db", db, "search", "linked", NULL },
      { cli_path, "--db", db, "brief", "Linked Photo", NULL },
      { cli_path, "--db", db, "export", "--format", "json", "-o", out },
      { cli_path, "--db", db, "backup", copy, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        const char *argv[9] = { NULL };
        g_autofree char *label = g_strdup_printf ("netbook-cli %s", commands[i][3]);
        g_autofree char *trace = NULL;
        int status;

        memcpy (argv, commands[i], sizeof commands[i]);
        trace = trace_run (argv, NULL, &status);
        g_assert_cmpint (status, ==, 0);
        assert_no_network (label, trace);
      }
  }
}

static void
test_no_network_app (void)
{
  g_autofree char *strace = find_strace ();
  g_autofree char *dir = robust_scratch_dir ("net-app");
  g_autofree char *db = g_build_filename (dir, "netbook.db", NULL);
  g_autofree char *db_env = g_strconcat ("NETBOOK_DB=", db, NULL);
  const char *app = g_getenv ("NETBOOK_APP");
  g_autofree char *trace = NULL;
  int status;

  if (strace == NULL)
    {
      g_test_skip ("strace is not installed");
      return;
    }
  if (app == NULL || g_getenv ("DISPLAY") == NULL || !g_file_test (app, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs the app (NETBOOK_APP) and a display: run through run-test.sh --gui");
      return;
    }

  /* A notebook with everything a window shows: people, URLs, a photo. */
  {
    g_autoptr(NbStore) store = NULL;
    g_autoptr(NbPerson) person = nb_person_new ("Web Person");
    g_autoptr(GError) error = NULL;
    static const guint8 png[] = {
      0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R',
      0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
      0, 0, 0, 0x0d, 'I', 'D', 'A', 'T', 0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1,
      0x0d, 0x0a, 0x2d, 0xb4, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
    };
    g_autoptr(GBytes) photo = g_bytes_new_static (png, sizeof png);

    store = nb_store_open (db, &error);
    g_assert_no_error (error);
    test_fill_sample (store);
    nb_person_set_field (person, NB_PERSON_URLS, "https://example.com/\nhttp://203.0.113.7/");
    nb_person_set_field (person, NB_PERSON_EMAILS, "web@example.com");
    nb_person_set_photo (person, photo);
    nb_store_add_person (store, person, &error);
    g_assert_no_error (error);
  }

  {
    const char *argv[] = { app, NULL };
    const char *env[] = { db_env, "NETBOOK_EXIT_AFTER_FIRST_FRAME=1", NULL };

    trace = trace_run (argv, env, &status);
  }
  g_assert_cmpint (status, ==, 0);
  assert_no_network ("netbook", trace);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", "2024-05-15", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/robust/privacy/modes", test_modes);
  g_test_add_func ("/robust/privacy/no-network-cli", test_no_network_cli);
  g_test_add_func ("/robust/privacy/no-network-app", test_no_network_app);

  return g_test_run ();
}
