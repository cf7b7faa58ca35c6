/* test-export.c: vCard 4.0, CSV and Markdown exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "export-test-util.h"
#include "nb-export.h"
#include "nb-export-private.h"

typedef gboolean (*ExportFunc) (NbStore        *store,
                                const gint64   *person_ids,
                                guint           n_person_ids,
                                GOutputStream  *stream,
                                GCancellable   *cancellable,
                                GError        **error);

static char *
export_text (NbStore      *store,
             ExportFunc    func,
             const gint64 *ids,
             guint         n_ids)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  func (store, ids, n_ids, out, NULL, &error);
  g_assert_no_error (error);

  return test_steal_memory (out, NULL);
}

/* Unfolds vCard text, checking every physical line on the way. */
static char *
unfold (const char *vcard)
{
  g_autoptr(GString) logical = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_suffix (vcard, "\r\n"));
  lines = g_strsplit (vcard, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (lines[i + 1] == NULL)
        {
          g_assert_cmpstr (line, ==, "");
          break;
        }

      /* No bare CR or LF, at most 75 octets, whole UTF-8 characters. */
      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\r'));
      g_assert_cmpuint (strlen (line), <=, 75);
      g_assert_true (g_utf8_validate (line, -1, NULL));
      for (const char *p = line; *p != '\0'; p++)
        g_assert_true ((guchar) *p >= 0x20 && *p != 0x7f);

      if (line[0] == ' ')
        {
          g_string_append (logical, line + 1);
        }
      else
        {
          if (i > 0)
            g_string_append_c (logical, '\n');
          g_string_append (logical, line);
        }
    }
  g_string_append_c (logical, '\n');

  return g_string_free (g_steal_pointer (&logical), FALSE);
}

static void
test_vcard_structure (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *logical = NULL;
  g_auto(GStrv) uids = NULL;

  test_fill_rich (store, FALSE);
  text = export_text (store, nb_export_vcard, NULL, 0);
  logical = unfold (text);

  /* Four people (the deleted one is left out), each a whole card. */
  {
    guint n = 0;

    for (const char *p = strstr (logical, "BEGIN:VCARD\n"); p != NULL; p = strstr (p + 1, "BEGIN:VCARD\n"))
      n++;
    g_assert_cmpuint (n, ==, 4);
  }
  g_assert_nonnull (strstr (logical, "BEGIN:VCARD\nVERSION:4.0\n"));
  g_assert_null (strstr (logical, "Gone Person"));
  g_assert_null (strstr (logical, "Gone's own note"));

  g_assert_nonnull (strstr (logical, "\nFN:Zoë Ångström\n"));
  g_assert_nonnull (strstr (logical, "\nN:Ångström;Zoë;;;\n"));
  g_assert_nonnull (strstr (logical, "\nORG:Acme Bakery\n"));
  g_assert_nonnull (strstr (logical, "\nTITLE:Owner\n"));
  g_assert_nonnull (strstr (logical, "\nEMAIL:zoe@example.com\nEMAIL:z.angstrom@example.org\n"));
  g_assert_nonnull (strstr (logical, "\nTEL:+44 20 7946 0958\nTEL:020 7946 0000\n"));
  g_assert_nonnull (strstr (logical, "\nURL:https://acme.example/about?a=1,b=2;c\n"));
  g_assert_nonnull (strstr (logical, "\nCATEGORIES:bakers,london,Ünïcode tag\n"));
  g_assert_nonnull (strstr (logical, "\nBDAY:19800215\n"));
  g_assert_nonnull (strstr (logical, "\nPHOTO:data:image/png;base64,iVBORw0KGgo"));
  g_assert_nonnull (strstr (logical, "\nREV:20"));
  g_assert_nonnull (strstr (logical, "Offers: Sourdough workshops\\n"));
  g_assert_nonnull (strstr (logical, "\\n\\n2024-05-03: note \\, with \"quotes\"\\; commas\\nand a second line"));

  /* Escaping: \ , ; and line breaks; control characters dropped. */
  g_assert_nonnull (strstr (logical, "\nFN:<b>Bob</b> & \"Sons\"/../x\n"));
  g_assert_nonnull (strstr (logical, "\nN:\"Sons\"/../x;<b>Bob</b> &;;;\n"));
  g_assert_nonnull (strstr (logical, "\nORG:Smith\\, Jones\\; \\\\ Sons \"Ltd\"\\nsecond line\\nthird\n"));
  g_assert_nonnull (strstr (logical, "\nCATEGORIES:<i>,a\\,b\\;c\\\\d\n"));
  g_assert_nonnull (strstr (logical, "tab and  control"));

  /* UIDs: one per card, all different, the same on the next export. */
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new ();

    for (const char *p = strstr (logical, "\nUID:urn:uuid:"); p != NULL;
         p = strstr (p + 1, "\nUID:urn:uuid:"))
      {
        const char *uuid = p + strlen ("\nUID:urn:uuid:");

        g_assert_cmpint (uuid[14], ==, '5');
        g_ptr_array_add (found, g_strndup (uuid, 36));
      }
    g_ptr_array_add (found, NULL);
    uids = (GStrv) g_ptr_array_free (g_steal_pointer (&found), FALSE);
  }
  g_assert_cmpuint (g_strv_length (uids), ==, 4);
  for (guint i = 0; uids[i] != NULL; i++)
    {
      g_assert_true (g_uuid_string_is_valid (uids[i]));
      for (guint j = i + 1; uids[j] != NULL; j++)
        g_assert_cmpstr (uids[i], !=, uids[j]);
    }

  again = export_text (store, nb_export_vcard, NULL, 0);
  g_assert_cmpstr (again, ==, text);
}

static void
test_vcard_folding (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *logical = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  /* Two- and four-byte characters at every offset around the fold. */
  for (guint i = 0; i < 40; i++)
    g_string_append (name, i % 3 == 0 ? "é" : i % 3 == 1 ? "😀" : "a");
  id = test_add_person (store, name->str, "", "");

  text = export_text (store, nb_export_vcard, &id, 1);
  logical = unfold (text);
  expected = g_strdup_printf ("\nFN:%s\n", name->str);
  g_assert_nonnull (strstr (logical, expected));
  /* A one-word name is a given name. */
  g_free (expected);
  expected = g_strdup_printf ("\nN:;%s;;;\n", name->str);
  g_assert_nonnull (strstr (logical, expected));
}

static void
test_vcard_names_and_selection (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *text = NULL;
  gint64 ids[3];
  gint64 missing = 999;

  ids[0] = test_add_person (store, "Bob Van Der Berg", "", "");
  ids[1] = test_add_person (store, "Smith, Anna", "", "");
  ids[2] = test_add_person (store, "Not Exported", "", "");

  text = export_text (store, nb_export_vcard, ids, 2);
  g_assert_nonnull (strstr (text, "\r\nN:Berg;Bob Van Der;;;\r\n"));
  g_assert_nonnull (strstr (text, "\r\nN:Smith;Anna;;;\r\n"));
  g_assert_null (strstr (text, "Not Exported"));

  g_assert_false (nb_export_vcard (store, &missing, 1, out, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
}

static void
test_csv (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autofree char *text = NULL;
  g_autofree char *header = NULL;
  g_auto(GStrv) rows = NULL;

  test_fill_rich (store, FALSE);
  text = export_text (store, nb_export_csv, NULL, 0);

  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf" "display_name,given_name,family_name,company,"));
  header = g_strdup_printf ("\xef\xbb\xbf%s,", nb_person_field_get_key (NB_PERSON_DISPLAY_NAME));
  g_assert_true (g_str_has_prefix (text, header));
  g_assert_nonnull (strstr (text, ",birthday,tags,cadence_days,rapport,archived\r\n"));

  /* Quotes doubled, fields with , " or line breaks quoted. */
  g_assert_nonnull (strstr (text, "\r\n\"<b>Bob</b> & \"\"Sons\"\"/../x\",,,"
                                  "\"Smith, Jones; \\ Sons \"\"Ltd\"\"\nsecond line\r\nthird\","));
  /* Formulas are disarmed, phone numbers kept. */
  g_assert_nonnull (strstr (text, ",\"'=1+1\","));
  g_assert_nonnull (strstr (text, ",\"'-2+3+cmd|' /C calc'!A0\","));
  g_assert_nonnull (strstr (text, "\"+44 20 7946 0958\n020 7946 0000\""));
  g_assert_nonnull (strstr (text, ",\"bakers, london, Ünïcode tag\",30,4,0\r\n"));
  g_assert_nonnull (strstr (text, "Ann Archived,"));
  g_assert_nonnull (strstr (text, ",1\r\n"));
  g_assert_null (strstr (text, "Gone Person"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
}

static void
test_csv_empty (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autofree char *text = export_text (store, nb_export_csv, NULL, 0);

  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf" "display_name,"));
  g_assert_true (g_str_has_suffix (text, ",archived\r\n"));
}

static void
test_markdown_file_names (void)
{
  static const struct { const char *name; const char *file; } cases[] = {
    { TEST_HOSTILE_NAME, "b Bob b & Sons .. x.md" },
    { "Zoë Ångström", "Zoë Ångström.md" },
    { "../../etc/passwd", "etc passwd.md" },
    { ".hidden", "hidden.md" },
    { "  ...  ", "Unnamed.md" },
    { "a\nb\tc\x01" "d", "a b c d.md" },
    { "CON", "CON_.md" },
    { "nul.txt", "nul.txt_.md" },
    { "What? Yes: *all*|none", "What Yes all none.md" },
    { "trailing dot.", "trailing dot.md" },
    { "C:\\Windows\\System32", "C Windows System32.md" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = _nb_export_markdown_file_name (cases[i].name);

      g_assert_cmpstr (file, ==, cases[i].file);
    }

  {
    g_autoptr(GString) long_name = g_string_new (NULL);
    g_autofree char *file = NULL;

    for (guint i = 0; i < 300; i++)
      g_string_append (long_name, "é");
    file = _nb_export_markdown_file_name (long_name->str);
    g_assert_cmpuint (strlen (file), <=, 200 + strlen (".md"));
    g_assert_true (g_utf8_validate (file, -1, NULL));
  }
}

static char *
read_text (GFile      *dir,
           const char *name)
{
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_load_contents (file, NULL, &text, NULL, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static void
test_markdown (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autofree char *path = test_scratch_path ("markdown");
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *bob = NULL;
  g_autofree char *zoe = NULL;
  g_autofree char *hostile_file = NULL;
  GStatBuf st;

  test_fill_rich (store, FALSE);
  test_add_person (store, "zoë ångström", "", "");

  nb_export_markdown (store, NULL, 0, dir, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* Unique names, compared case-insensitively; files private. */
  zoe = read_text (dir, "Zoë Ångström.md");
  g_free (read_text (dir, "zoë ångström (2).md"));
  hostile_file = g_build_filename (path, "b Bob b & Sons .. x.md", NULL);
  g_assert_cmpint (g_stat (hostile_file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autoptr(GDir) folder = g_dir_open (path, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (folder) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 5);
  }

  g_assert_true (g_str_has_prefix (zoe, "---\nid: 1\ndisplay_name: \"Zoë Ångström\"\n"));
  g_assert_nonnull (strstr (zoe, "\nemails: [\"zoe@example.com\", \"z.angstrom@example.org\"]\n"));
  g_assert_nonnull (strstr (zoe, "\ntags: [\"bakers\", \"london\", \"Ünïcode tag\"]\n"));
  g_assert_nonnull (strstr (zoe, "\ncadence_days: 30\nrapport: 4\narchived: false\n"));
  g_assert_nonnull (strstr (zoe, "\n---\n\n# "));
  g_assert_nonnull (strstr (zoe, "\n## Card\n"));
  g_assert_nonnull (strstr (zoe, "\n## Dreams, challenges and needs\n"));
  g_assert_nonnull (strstr (zoe, "\n## Follow-ups\n"));
  g_assert_nonnull (strstr (zoe, "\n## Timeline\n"));
  g_assert_nonnull (strstr (zoe, "→ \\<b\\>Bob\\</b\\> \\&"));
  g_assert_nonnull (strstr (zoe, "Chamber breakfast"));

  bob = read_text (dir, "b Bob b & Sons .. x.md");
  /* YAML: quoted and escaped, so nothing ends the front matter early. */
  g_assert_true (g_str_has_prefix (bob, "---\nid: 2\ndisplay_name: \"<b>Bob</b> & \\\"Sons\\\"/../x\"\n"));
  g_assert_nonnull (strstr (bob, "\noffers: \"---\\nkey: value\\n# not a heading"));
  g_assert_nonnull (strstr (bob, "\\u0001 control\""));
  {
    const char *body = strstr (bob + 4, "\n---\n");
    g_auto(GStrv) lines = NULL;

    g_assert_nonnull (body);
    lines = g_strsplit (body + 5, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        /* No user line can become a heading, rule, list or HTML. */
        g_assert_false (g_str_has_prefix (lines[i], "---"));
        g_assert_null (strstr (lines[i], "<b>"));
        g_assert_null (strstr (lines[i], "<script>"));
        g_assert_false (g_str_has_prefix (lines[i], "  # "));
        g_assert_false (g_str_has_prefix (lines[i], "  1. "));
      }
  }
  g_assert_nonnull (strstr (bob, "\\<b\\>Bob\\</b\\> \\& \"Sons\"/../x"));
  g_assert_nonnull (strstr (bob, "\\\n  \\# not a heading\\\n  1\\. not a list\\\n  \\* star \\_under\\_ \\`code\\` \\[link\\](x) \\|pipe\\|"));

  /* A second export replaces the files it made, and nothing else. */
  nb_export_markdown (store, NULL, 0, dir, NULL, &error);
  g_assert_no_error (error);
}

static void
test_markdown_not_a_folder (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autofree char *path = test_scratch_path ("file.txt");
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  test_write_file (path, "x", 1);
  g_assert_false (nb_export_markdown (store, NULL, 0, dir, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  /* Success is reported as G_IO_ERROR_EXISTS, so the loop can stop. */
  if (nb_export_to_file_finish (NB_STORE (object), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
  g_assert_nonnull (*error);
}

static GError *
run_export_async (NbStore        *store,
                  NbExportFormat  format,
                  GFile          *dest,
                  GCancellable   *cancellable)
{
  GError *error = NULL;

  nb_export_to_file_async (store, format, NULL, 0, dest, cancellable, export_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  return error;
}

static void
test_export_to_file_async (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autofree char *path = test_scratch_path ("people.vcf");
  g_autofree char *dir_path = test_scratch_path ("md-async");
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *sync_text = NULL;
  GStatBuf st;

  test_fill_rich (store, FALSE);

  error = run_export_async (store, NB_EXPORT_VCARD, dest, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The thread's own connection sees what the store committed. */
  before = test_read_file (path);
  sync_text = export_text (store, nb_export_vcard, NULL, 0);
  g_assert_cmpstr (g_bytes_get_data (before, NULL), ==, sync_text);

  /* Cancelled: the file stays as it was. */
  test_add_person (store, "Someone New", "", "");
  g_cancellable_cancel (cancellable);
  error = run_export_async (store, NB_EXPORT_CSV, dest, cancellable);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));

  error = run_export_async (store, NB_EXPORT_MARKDOWN, dir, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (read_text (dir, "Someone New.md"));

  error = run_export_async (store, NB_EXPORT_JSON, dest, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_pointer (&after, g_bytes_unref);
  after = test_read_file (path);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (after, NULL), "{"));
}

static void
test_export_to_file_refusals (void)
{
  g_autoptr(NbStore) store = test_open_new_store ();
  g_autofree char *path = test_scratch_path ("refused.json");
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 id = test_add_person (store, "Ann", "", "");
  gint64 missing = 4242;

  g_assert_false (nb_export_to_file (store, NB_EXPORT_JSON, &id, 1, dest, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nb_export_to_file (store, NB_EXPORT_CSV, &missing, 1, dest, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_formats (void)
{
  NbExportFormat format;

  for (guint i = NB_EXPORT_VCARD; i <= NB_EXPORT_MARKDOWN; i++)
    {
      g_assert_true (nb_export_format_from_string (nb_export_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
    }
  g_assert_true (nb_export_format_from_string ("VCard", &format));
  g_assert_cmpint (format, ==, NB_EXPORT_VCARD);
  g_assert_false (nb_export_format_from_string ("xml", &format));
  g_assert_false (nb_export_format_from_string (NULL, &format));
  g_assert_cmpstr (nb_export_format_get_extension (NB_EXPORT_VCARD), ==, "vcf");
  g_assert_null (nb_export_format_get_extension (NB_EXPORT_MARKDOWN));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/vcard/structure", test_vcard_structure);
  g_test_add_func ("/export/vcard/folding", test_vcard_folding);
  g_test_add_func ("/export/vcard/names-and-selection", test_vcard_names_and_selection);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/csv/empty", test_csv_empty);
  g_test_add_func ("/export/markdown/file-names", test_markdown_file_names);
  g_test_add_func ("/export/markdown", test_markdown);
  g_test_add_func ("/export/markdown/not-a-folder", test_markdown_not_a_folder);
  g_test_add_func ("/export/to-file/async", test_export_to_file_async);
  g_test_add_func ("/export/to-file/refusals", test_export_to_file_refusals);

  return g_test_run ();
}
