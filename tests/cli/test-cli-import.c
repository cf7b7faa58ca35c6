/* test-cli-import.c: netbook-cli import, in-process through nb_cli_run()
 * (memory streams, leak checked) and through the real binary for the
 * exit statuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "nb-cli.h"
#include "nb-json.h"
#include "nb-store.h"

#define TODAY "2024-05-15"

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
  name = g_strdup_printf ("import-%u", ++counter);
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
  g_assert_cmpuint (strlen (data), ==, size);

  return data;
}

static int cli (Fixture *f, const char *first, ...) G_GNUC_NULL_TERMINATED;

/* Runs netbook-cli --db f->db ARGS in-process. */
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
  if (status != 0)
    g_test_message ("stdout: %s\nstderr: %s", f->out, f->err);

  return status;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import", "data", name, NULL);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static GBytes *
read_db (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (f->db, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* ---- in-process ----------------------------------------------------------- */

static void
test_vcard (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *android = fixture_path ("android-2.1.vcf");

  g_assert_cmpint (cli (f, "import", android, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "added: 3\n"
                   "merged: 0\n"
                   "skipped: 1\n"
                   "skipped\tcard 3\tIt has no name.\n");

  g_assert_cmpint (cli (f, "import", "--format", "vcard", android, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "added: 0\n"
                   "merged: 3\n"
                   "skipped: 1\n"
                   "skipped\tcard 3\tIt has no name.\n");

  g_assert_cmpint (cli (f, "list", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "1\tJürgen Müller\tBäckerei Müller\n"
                   "3\tAda Okafor\t\n"
                   "2\t王伟\t\n");
}

static void
test_linkedin (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *linkedin = fixture_path ("linkedin-connections.csv");

  g_assert_cmpint (cli (f, "import", linkedin, "--format=linkedin", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "added: 4\n"
                   "merged: 0\n"
                   "skipped: 1\n"
                   "skipped\tline 10\tIt has no name.\n");

  g_assert_cmpint (cli (f, "show", "ada okafor", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "met_date: 2024-01-12\n"));
  g_assert_nonnull (strstr (f->out, "\t2024-01-12\tnote\t-\t-\tConnected on LinkedIn\n"));
}

static void
test_warnings (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = write_file (f, "warn.vcf",
                                      "BEGIN:VCARD\nVERSION:3.0\nFN:Cut\n"
                                      "BEGIN:VCARD\nVERSION:3.0\nFN:Pic\nPHOTO;ENCODING=b:aGVsbG8=\nEND:VCARD\n"
                                      "BEGIN:VCARD\nVERSION:3.0\nFN;CHARSET=\"a\tb\":x\nEND:VCARD\n", -1);

  g_assert_cmpint (cli (f, "import", path, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "added: 1\n"
                   "merged: 0\n"
                   "skipped: 2\n"
                   "skipped\tcard 1\tIt has no END:VCARD before the next BEGIN:VCARD.\n"
                   "skipped\tcard 3\tIts text in the character set a\\tb cannot be read.\n"
                   "warning\tcard 2\tIts photo is not an image Netbook can show and was left out.\n");
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *csv = fixture_path ("google-contacts.csv");
  g_autofree char *missing = g_build_filename (f->dir, "missing.vcf", NULL);
  g_autofree char *empty = write_file (f, "empty.vcf", "", 0);
  g_autofree char *unclosed = write_file (f, "unclosed.csv", "Name,Email\n\"Ada,a@x\nBob,b@x\n", -1);
  g_autofree char *binary = write_file (f, "photo.jpg", "\xFF\xD8\xFF\xE0\0\x10JFIF\0,a,b\n", 16);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  /* Refused before the database is even created. */
  g_assert_cmpint (cli (f, "import", "--format", "vcard", csv, NULL), ==, 1);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_str_has_prefix (f->err, "netbook-cli: "));
  g_assert_nonnull (strstr (f->err, "google-contacts.csv: This is not a vCard file"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  g_assert_cmpint (cli (f, "import", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "there is no such file"));
  g_assert_cmpint (cli (f, "import", f->dir, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "it is a folder"));
  g_assert_cmpint (cli (f, "import", empty, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "empty"));
  g_assert_cmpint (cli (f, "import", binary, NULL), ==, 1);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  /* With a notebook: left byte for byte as it was. */
  g_assert_cmpint (cli (f, "add", "Ada Okafor", NULL), ==, 0);
  before = read_db (f);
  g_assert_cmpint (cli (f, "import", unclosed, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "Line 2: a quoted field is never closed"));
  after = read_db (f);
  g_assert_true (g_bytes_equal (before, after));

  /* Usage errors. */
  g_assert_cmpint (cli (f, "import", "--format", "xml", csv, NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "Unknown --format “xml”"));
  g_assert_cmpint (cli (f, "import", NULL), ==, 2);
  g_assert_cmpint (cli (f, "import", csv, csv, NULL), ==, 2);
  g_assert_cmpint (cli (f, "import", "", NULL), ==, 2);
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *source_path = g_build_filename (f->dir, "source.db", NULL);
  g_autofree char *json_path = g_build_filename (f->dir, "notebook.json", NULL);
  g_autoptr(NbStore) source = NULL;
  g_autoptr(NbPerson) ada = nb_person_new ("Ada Okafor");
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  source = nb_store_open (source_path, &error);
  g_assert_no_error (error);
  nb_store_add_person (source, ada, &error);
  g_assert_no_error (error);
  stream = g_file_replace (json, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  nb_json_export (source, G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (cli (f, "import", json_path, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "added: 1\nmerged: 0\nskipped: 0\n");

  /* Only into an empty notebook. */
  before = read_db (f);
  g_assert_cmpint (cli (f, "import", "--format", "json", json_path, NULL), ==, 1);
  g_assert_cmpstr (f->out, ==, "");
  after = read_db (f);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpint (cli (f, "import", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "netbook-cli import [OPTION…] FILE"));
  g_assert_nonnull (strstr (f->out, "--format=FORMAT"));
  g_assert_cmpint (cli (f, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\n  import "));
}

/* ---- the binary ----------------------------------------------------------- */

static int
spawn (const char * const *args,
       char              **out,
       char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("NETBOOK_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

static void
test_binary (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *apple = fixture_path ("apple-3.0.vcf");
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  const char *ok[] = { "--db", f->db, "import", apple, NULL };
  const char *bad[] = { "--db", f->db, "import", missing, NULL };
  const char *usage[] = { "--db", f->db, "import", "--format", "ldif", apple, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (spawn (ok, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "added: 2\nmerged: 0\nskipped: 0\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (spawn (bad, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "missing.csv"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (spawn (usage, &out, &err), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("vcard", test_vcard);
  ADD ("linkedin", test_linkedin);
  ADD ("warnings", test_warnings);
  ADD ("refused", test_refused);
  ADD ("json", test_json);
  ADD ("help", test_help);
  ADD ("binary", test_binary);

#undef ADD

  return g_test_run ();
}
