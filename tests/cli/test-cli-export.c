/* test-cli-export.c: netbook-cli export and restore.
 *
 * In-process through nb_cli_run() with memory streams, plus one run of
 * the real binary ($NETBOOK_CLI) for standard output and exit statuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "nb-cli.h"
#include "nb-json.h"
#include "nb-store.h"

typedef struct
{
  char *dir;
  char *db;
  char *out;
  char *err;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint counter;
  const char *scratch = g_getenv ("NETBOOK_TEST_SCRATCH");
  g_autofree char *name = NULL;

  g_assert_nonnull (scratch);
  name = g_strdup_printf ("cli-export-%u", ++counter);
  f->dir = g_build_filename (scratch, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  f->db = g_build_filename (f->dir, "netbook.db", NULL);
  f->out = g_strdup ("");
  f->err = g_strdup ("");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->dir);
  g_free (f->db);
  g_free (f->out);
  g_free (f->err);
}

static char *
steal_output (GOutputStream *stream)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);
  gsize size;
  char *data;

  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  size = g_memory_output_stream_get_data_size (memory);
  data = g_memory_output_stream_steal_data (memory);
  data = g_realloc (data, size + 1);
  data[size] = '\0';

  return data;
}

static int cli (Fixture *f, const char *first, ...) G_GNUC_NULL_TERMINATED;

/* Runs netbook-cli --db f->db ARGS. */
static int
cli (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GInputStream) in = g_memory_input_stream_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) err = g_memory_output_stream_new_resizable ();
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) "netbook-cli");
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = nb_cli_run ((int) argv->len - 1, (char **) argv->pdata, in, out, err);

  g_free (f->out);
  g_free (f->err);
  f->out = steal_output (out);
  f->err = steal_output (err);
  if (status != 0 || *f->err != '\0')
    g_test_message ("status %d\nstdout: %s\nstderr: %s", status, f->out, f->err);
  if (status == 0)
    g_assert_cmpstr (f->err, ==, "");

  return status;
}

static void
add_people (Fixture *f)
{
  g_assert_cmpint (cli (f, "add", "Zoë Ångström", "--company", "Acme, Bakery", "--tag", "bakers",
                        "--email", "zoe@example.com", NULL), ==, 0);
  g_assert_cmpint (cli (f, "add", "Bob Smith", "--role", "=SUM(A1)", NULL), ==, 0);
  g_assert_cmpint (cli (f, "add", "Bob Jones", NULL), ==, 0);
  g_assert_cmpint (cli (f, "note", "zoe", "Likes sailing", NULL), ==, 0);
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpint (cli (f, "help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\n  export "));
  g_assert_nonnull (strstr (f->out, "\n  restore "));

  g_assert_cmpint (cli (f, "export", "--help", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Usage:\n  netbook-cli export "));
  g_assert_nonnull (strstr (f->out, "--format"));
  g_assert_nonnull (strstr (f->out, "--person"));
  g_assert_nonnull (strstr (f->out, "-o, --output"));

  g_assert_cmpint (cli (f, "restore", "--help", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Usage:\n  netbook-cli restore [OPTION…] FILE"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_export_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "md", NULL);

  g_assert_cmpint (cli (f, "export", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "--format"));
  g_assert_cmpint (cli (f, "export", "--format", "xml", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "“xml”"));
  g_assert_cmpint (cli (f, "export", "--format", "markdown", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "-o"));
  g_assert_cmpint (cli (f, "export", "--format", "json", "--person", "zoe", NULL), ==, 2);
  g_assert_cmpint (cli (f, "export", "--format", "csv", "-o", "", NULL), ==, 2);
  g_assert_cmpint (cli (f, "export", "--format", "csv", "extra", NULL), ==, 2);
  /* Refused before the database is opened (or made). */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  add_people (f);
  g_assert_cmpint (cli (f, "export", "--format", "vcard", "--person", "nobody", NULL), ==, 2);
  g_assert_cmpint (cli (f, "export", "--format", "vcard", "--person", "bob", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "Bob Jones"));
  g_assert_cmpstr (f->out, ==, "");
}

static void
test_export_stdout (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  NbJsonImportReport report;

  add_people (f);

  g_assert_cmpint (cli (f, "export", "--format", "vcard", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_nonnull (strstr (f->out, "\r\nFN:Zoë Ångström\r\n"));
  g_assert_nonnull (strstr (f->out, "\r\nORG:Acme\\, Bakery\r\n"));
  g_assert_nonnull (strstr (f->out, "\r\nFN:Bob Jones\r\n"));

  g_assert_cmpint (cli (f, "export", "--format", "vcard", "--person", "zoe", "--person", "2", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "FN:Zoë Ångström"));
  g_assert_nonnull (strstr (f->out, "FN:Bob Smith"));
  g_assert_null (strstr (f->out, "FN:Bob Jones"));

  g_assert_cmpint (cli (f, "export", "--format", "CSV", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "\xef\xbb\xbf" "display_name,"));
  g_assert_nonnull (strstr (f->out, "\r\nBob Smith,,,,\"'=SUM(A1)\","));

  g_assert_cmpint (cli (f, "export", "--format", "json", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "{\n  \"format\" : \"netbook\",\n  \"version\" : 1,"));

  /* What the json export holds goes back into an empty notebook. */
  bytes = g_bytes_new (f->out, strlen (f->out));
  store = nb_store_open (copy, &error);
  g_assert_no_error (error);
  nb_json_import (store, bytes, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.people_added, ==, 3);
  g_assert_cmpuint (report.entries_added, ==, 1);
  people = nb_store_list_people (store, "bakers", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
}

static void
test_export_files (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *vcf = g_build_filename (f->dir, "people.vcf", NULL);
  g_autofree char *md = g_build_filename (f->dir, "notes", NULL);
  g_autofree char *zoe_md = g_build_filename (md, "Zoë Ångström.md", NULL);
  g_autofree char *text = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "folder", "x.json", NULL);
  GStatBuf st;

  add_people (f);

  g_assert_cmpint (cli (f, "export", "--format", "vcard", "-o", vcf, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_file_get_contents (vcf, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\n"));
  g_assert_cmpint (g_stat (vcf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (cli (f, "export", "--format", "markdown", "--output", md, NULL), ==, 0);
  g_assert_true (g_file_test (zoe_md, G_FILE_TEST_IS_REGULAR));

  /* A folder that does not exist for a file: exit 1, a message. */
  g_assert_cmpint (cli (f, "export", "--format", "json", "-o", missing, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "saved.db", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *safety = NULL;
  gsize before_len;
  gsize after_len;

  add_people (f);
  g_assert_cmpint (cli (f, "backup", backup, NULL), ==, 0);
  g_assert_cmpint (cli (f, "add", "After Backup", NULL), ==, 0);

  /* A file that is not a notebook: refused, nothing changed. */
  g_assert_true (g_file_set_contents (junk, "not a notebook", -1, NULL));
  g_assert_true (g_file_get_contents (f->db, &before, &before_len, NULL));
  g_assert_cmpint (cli (f, "restore", junk, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "cannot be restored"));
  g_assert_nonnull (strstr (f->err, "not changed"));
  g_assert_true (g_file_get_contents (f->db, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  g_assert_cmpint (cli (f, "restore", NULL), ==, 2);
  g_assert_cmpint (cli (f, "restore", "", NULL), ==, 2);

  g_assert_cmpint (cli (f, "restore", backup, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (f->out, ".db\n"));
  safety = g_strndup (f->out, strlen (f->out) - 1);
  g_assert_true (g_file_test (safety, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (safety, "backups"));

  g_assert_cmpint (cli (f, "list", NULL), ==, 0);
  g_assert_null (strstr (f->out, "After Backup"));
  g_assert_nonnull (strstr (f->out, "Zoë Ångström"));

  /* The safety copy brings it back. */
  g_assert_cmpint (cli (f, "restore", safety, NULL), ==, 0);
  g_assert_cmpint (cli (f, "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "After Backup"));
}

/* The real binary: stdout, exit statuses, NETBOOK_DB. */
static void
test_binary (Fixture       *f,
             gconstpointer  data)
{
  const char *binary = g_getenv ("NETBOOK_CLI");
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  const char *export_argv[] = { binary, "export", "--format", "csv", NULL };
  const char *bad_argv[] = { binary, "export", "--format", "pdf", NULL };

  g_assert_nonnull (binary);
  add_people (f);
  env = g_environ_setenv (env, "NETBOOK_DB", f->db, TRUE);

  g_spawn_sync (NULL, (char **) export_argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_true (g_str_has_prefix (out, "\xef\xbb\xbf" "display_name,"));
  g_assert_nonnull (strstr (out, "Zoë Ångström"));
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_spawn_sync (NULL, (char **) bad_argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
  g_assert_cmpstr (out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("NETBOOK_TODAY", "2024-05-15", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/export/help", test_help);
  ADD ("/cli/export/usage", test_export_usage);
  ADD ("/cli/export/stdout", test_export_stdout);
  ADD ("/cli/export/files", test_export_files);
  ADD ("/cli/restore", test_restore);
  ADD ("/cli/export/binary", test_binary);

#undef ADD

  return g_test_run ();
}
