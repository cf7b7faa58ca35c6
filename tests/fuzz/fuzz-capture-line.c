/* fuzz-capture-line.c: libFuzzer target for the quick capture's line
 * syntax (nb_capture_parse_text(), nb-capture.h), with the invariants
 * saving relies on.
 *
 * The input is what was typed, any bytes. A first line "@YYYY-MM-DD"
 * sets the day relative dates count from (so the fuzzer reaches the
 * edges of the calendar); otherwise it is 2026-11-20.
 *
 * Built with -Dfuzzing=true (clang); the same function runs over
 * corpus/capture-line/ in every build (tests/robust).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "nb-capture.h"
#include "nb-date.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
check_line (const NbCaptureLine *line)
{
  g_autoptr(NbCaptureLine) copy = NULL;

  check_text (line->name);
  check_text (line->company);
  check_text (line->note);
  g_assert_nonnull (line->tags);
  for (guint i = 0; line->tags[i] != NULL; i++)
    {
      check_text (line->tags[i]);
      g_assert_cmpstr (line->tags[i], !=, "");
      g_assert_null (strchr (line->tags[i], ' '));
      /* Unique. */
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (line->tags[i], !=, line->tags[j]);
    }
  g_assert_nonnull (line->problems);
  for (guint i = 0; i < line->problems->len; i++)
    check_text (g_ptr_array_index (line->problems, i));

  /* A follow-up is a real day, with a text; never one without the other. */
  g_assert_true ((line->followup_due == NULL) == (line->followup_text == NULL));
  if (line->followup_due != NULL)
    {
      g_assert_true (nb_date_is_valid_iso (line->followup_due));
      check_text (line->followup_text);
    }

  g_assert_cmpint (line->person_id, ==, 0);

  /* What saving checks. */
  if (nb_capture_line_is_valid (line))
    {
      g_assert_cmpstr (line->name, !=, "");
      g_assert_cmpuint (line->problems->len, ==, 0);
    }
  if (nb_capture_line_is_blank (line))
    g_assert_false (nb_capture_line_is_valid (line));

  copy = nb_capture_line_copy (line);
  g_assert_cmpstr (copy->name, ==, line->name);
  g_assert_cmpstr (copy->followup_due, ==, line->followup_due);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *today = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const char *body = text;

  if (size >= 12 && text[0] == '@' && text[11] == '\n')
    {
      today = g_strndup (text + 1, 10);
      body = text + 12;
      if (!nb_date_is_valid_iso (today))
        g_clear_pointer (&today, g_free);
    }
  if (today == NULL)
    today = g_strdup ("2026-11-20");

  lines = nb_capture_parse_text (body, today);
  g_assert_nonnull (lines);
  for (guint i = 0; i < lines->len; i++)
    check_line (g_ptr_array_index (lines, i));

  /* One line alone reads the same as in the text. */
  if (lines->len == 1)
    {
      g_autoptr(NbCaptureLine) line = nb_capture_parse_line (body, today);

      check_line (line);
    }

  return 0;
}
