/* test-csv.c: the CSV reader (RFC 4180 and what spreadsheets write).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "import-test-util.h"
#include "nb-csv.h"
#include "nb-text.h"

typedef struct {
  guint        line;
  const char  *fields[8];
} Row;

/* Reads all of @text (after nb_text_to_utf8()) and compares. */
static void
assert_rows (const char *text,
             gsize       len,
             char        delimiter,
             const Row  *rows,
             guint       n_rows)
{
  g_autoptr(GBytes) raw = g_bytes_new (text, len);
  g_autoptr(GBytes) data = nb_text_to_utf8 (raw);
  g_autoptr(NbCsvReader) reader = nb_csv_reader_new (data, delimiter);
  g_autoptr(GError) error = NULL;
  guint i = 0;
  GStrv fields;
  guint line = 0;

  while ((fields = nb_csv_reader_next (reader, &line, &error)) != NULL)
    {
      g_assert_cmpuint (i, <, n_rows);
      g_assert_cmpuint (line, ==, rows[i].line);
      g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length ((char **) rows[i].fields));
      for (guint j = 0; fields[j] != NULL; j++)
        g_assert_cmpstr (fields[j], ==, rows[i].fields[j]);
      g_strfreev (fields);
      i++;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (i, ==, n_rows);
  g_assert_cmpuint (nb_csv_reader_get_position (reader), ==, nb_csv_reader_get_size (reader));
}

#define ASSERT_ROWS(text, delimiter, ...) \
  G_STMT_START { \
    const Row rows_[] = { __VA_ARGS__ }; \
    assert_rows (text, sizeof (text) - 1, delimiter, rows_, G_N_ELEMENTS (rows_)); \
  } G_STMT_END

static void
test_simple (void)
{
  ASSERT_ROWS ("a,b,c\n1,2,3\n", ',',
               { 1, { "a", "b", "c" } },
               { 2, { "1", "2", "3" } });
  /* No final line break; empty fields; a trailing delimiter. */
  ASSERT_ROWS ("a,,c\n,\nx,", ',',
               { 1, { "a", "", "c" } },
               { 2, { "", "" } },
               { 3, { "x", "" } });
}

static void
test_quotes (void)
{
  ASSERT_ROWS ("name,note\r\n"
               "\"Okafor, Ada\",\"She said \"\"hi\"\"\"\r\n"
               "\"multi\r\nline\nfield\",x\r\n"
               "next,row\r\n", ',',
               { 1, { "name", "note" } },
               { 2, { "Okafor, Ada", "She said \"hi\"" } },
               { 3, { "multi\nline\nfield", "x" } },
               { 6, { "next", "row" } });

  /* Lenient: a quote inside an unquoted field, text after a closing one. */
  ASSERT_ROWS ("ab\"c,\"d\"e,\"\"\n", ',',
               { 1, { "ab\"c", "de", "" } });
}

static void
test_line_ends (void)
{
  ASSERT_ROWS ("a,b\rc,d\r\re,f", ',',
               { 1, { "a", "b" } },
               { 2, { "c", "d" } },
               { 4, { "e", "f" } });
  /* Blank lines are no records, but count as lines. */
  ASSERT_ROWS ("\n\na\n\n\nb\n", ',',
               { 3, { "a" } },
               { 6, { "b" } });
  /* A byte order mark is not part of the first header. */
  ASSERT_ROWS ("\xEF\xBB\xBF" "Name,Email\n", ',',
               { 1, { "Name", "Email" } });
}

static void
test_delimiters (void)
{
  g_assert_cmpint (nb_csv_guess_delimiter ("a,b,c", 5), ==, ',');
  g_assert_cmpint (nb_csv_guess_delimiter ("Name;Firma;\"a,b,c,d\"", 20), ==, ';');
  g_assert_cmpint (nb_csv_guess_delimiter ("a\tb\tc,d\n1,2,3,4,5,6", 19), ==, '\t');
  g_assert_cmpint (nb_csv_guess_delimiter ("single", 6), ==, ',');
  g_assert_cmpint (nb_csv_guess_delimiter ("", 0), ==, ',');

  ASSERT_ROWS ("Vorname;Name\nJürgen;\"Müller; Sohn\"\n", 0,
               { 1, { "Vorname", "Name" } },
               { 2, { "Jürgen", "Müller; Sohn" } });
  ASSERT_ROWS ("a\tb\n1\t\"2\t3\"\n", 0,
               { 1, { "a", "b" } },
               { 2, { "1", "2\t3" } });
}

static void
test_ragged (void)
{
  ASSERT_ROWS ("a,b,c\n1\n1,2,3,4,5\n", ',',
               { 1, { "a", "b", "c" } },
               { 2, { "1" } },
               { 3, { "1", "2", "3", "4", "5" } });
}

static void
test_unclosed (void)
{
  static const char text[] = "a,b\n1,2\n3,\"never\nclosed,4\n5,6\n";
  g_autoptr(GBytes) data = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(NbCsvReader) reader = nb_csv_reader_new (data, ',');
  g_autoptr(GError) error = NULL;
  guint line = 0;
  GStrv fields;

  fields = nb_csv_reader_next (reader, &line, &error);
  g_strfreev (fields);
  fields = nb_csv_reader_next (reader, &line, &error);
  g_strfreev (fields);
  g_assert_no_error (error);

  fields = nb_csv_reader_next (reader, &line, &error);
  g_assert_null (fields);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

static void
test_hostile (void)
{
  static const char nul[] = "a,b\nx\0y,z\nok,ok\n";
  g_autoptr(GBytes) data = g_bytes_new_static (nul, sizeof nul - 1);
  g_autoptr(NbCsvReader) reader = nb_csv_reader_new (data, ',');
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GBytes) wide_data = NULL;
  g_autoptr(NbCsvReader) wide_reader = NULL;
  g_auto(GStrv) wide_fields = NULL;
  GStrv fields;

  fields = nb_csv_reader_next (reader, NULL, NULL);
  g_assert_false (nb_csv_reader_had_nul (reader));
  g_strfreev (fields);
  fields = nb_csv_reader_next (reader, NULL, NULL);
  g_assert_true (nb_csv_reader_had_nul (reader));
  g_assert_cmpstr (fields[0], ==, "x");
  g_strfreev (fields);
  fields = nb_csv_reader_next (reader, NULL, NULL);
  g_assert_false (nb_csv_reader_had_nul (reader));
  g_strfreev (fields);
  g_assert_null (nb_csv_reader_next (reader, NULL, NULL));

  for (guint i = 0; i < NB_CSV_MAX_FIELDS + 10; i++)
    g_string_append (wide, "x,");
  wide_data = g_string_free_to_bytes (g_steal_pointer (&wide));
  wide_reader = nb_csv_reader_new (wide_data, ',');
  wide_fields = nb_csv_reader_next (wide_reader, NULL, NULL);
  g_assert_cmpuint (g_strv_length (wide_fields), ==, NB_CSV_MAX_FIELDS);
  g_assert_true (nb_csv_reader_had_too_many (wide_reader));
}

static void
test_empty (void)
{
  g_autoptr(GBytes) data = g_bytes_new_static ("", 0);
  g_autoptr(NbCsvReader) reader = nb_csv_reader_new (data, 0);
  g_autoptr(GError) error = NULL;

  g_assert_null (nb_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nb_csv_reader_get_delimiter (reader), ==, ',');
}

/* The LinkedIn fixture: notes, a blank line, the header, a quoted field
 * over two lines. */
static void
test_linkedin_fixture (void)
{
  g_autoptr(GBytes) raw = test_fixture ("linkedin-connections.csv");
  g_autoptr(GBytes) data = nb_text_to_utf8 (raw);
  g_autoptr(NbCsvReader) reader = nb_csv_reader_new (data, ',');
  g_autoptr(GError) error = NULL;
  guint lines[16];
  guint n = 0;
  GStrv fields;
  guint line;

  while ((fields = nb_csv_reader_next (reader, &line, &error)) != NULL && n < G_N_ELEMENTS (lines))
    {
      if (line == 7)
        g_assert_cmpstr (fields[5], ==, "Einkäufer\n(Procurement, \"strategic\")");
      lines[n++] = line;
      g_strfreev (fields);
    }

  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpuint (lines[0], ==, 1);
  g_assert_cmpuint (lines[1], ==, 2);
  g_assert_cmpuint (lines[2], ==, 4);
  g_assert_cmpuint (lines[5], ==, 7);
  g_assert_cmpuint (lines[6], ==, 9);
  g_assert_cmpuint (lines[7], ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/simple", test_simple);
  g_test_add_func ("/import/csv/quotes", test_quotes);
  g_test_add_func ("/import/csv/line-ends", test_line_ends);
  g_test_add_func ("/import/csv/delimiters", test_delimiters);
  g_test_add_func ("/import/csv/ragged", test_ragged);
  g_test_add_func ("/import/csv/unclosed", test_unclosed);
  g_test_add_func ("/import/csv/hostile", test_hostile);
  g_test_add_func ("/import/csv/empty", test_empty);
  g_test_add_func ("/import/csv/linkedin-fixture", test_linkedin_fixture);

  return g_test_run ();
}
