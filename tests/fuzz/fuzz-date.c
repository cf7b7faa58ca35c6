/* fuzz-date.c: libFuzzer target for the date parsers (nb-date.h): the
 * strict YYYY-MM-DD reader and the capture's relative dates, and what
 * formats them back.
 *
 * The input's first line is "today" (any bytes: a date that is not one
 * must be refused, not trusted), the rest the text to read.
 *
 * Built with -Dfuzzing=true (clang); the same function runs over
 * corpus/date/ in every build (tests/robust).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "nb-date.h"
#include "nb-error.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_iso (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  gboolean valid = nb_date_is_valid_iso (text);

  if (nb_date_parse_iso (text, &date, &error))
    {
      g_autofree char *back = nb_date_to_iso (&date);

      g_assert_no_error (error);
      g_assert_true (valid);
      /* Strict: what it reads, it writes back the same. */
      g_assert_cmpstr (back, ==, text);
    }
  else
    {
      g_assert_false (valid);
      g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = g_strndup ((const char *) data, size);
  char *newline = strchr (input, '\n');
  const char *today = "2026-11-20";
  const char *text = input;

  if (newline != NULL)
    {
      *newline = '\0';
      today = input;
      text = newline + 1;
    }

  check_iso (text);
  check_iso (today);

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *iso = NULL;

    if (nb_date_parse_relative (text, today, &iso, &error))
      {
        g_assert_no_error (error);
        g_assert_true (nb_date_is_valid_iso (iso));
        g_assert_true (nb_date_is_valid_iso (today));
      }
    else
      {
        g_assert_nonnull (error);
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
      }
  }

  /* Formatting never fails on what the parsers gave or refused. */
  if (nb_date_is_valid_iso (today))
    {
      g_autofree char *relative = nb_date_format_relative (text, today);
      g_autofree char *relative2 = nb_date_format_relative (today, text);
      int days = nb_date_days_between (today, text);

      if (!nb_date_is_valid_iso (text))
        g_assert_cmpint (days, ==, 0);
      if (relative != NULL)
        g_assert_true (g_utf8_validate (relative, -1, NULL));
      if (relative2 != NULL)
        g_assert_true (g_utf8_validate (relative2, -1, NULL));
    }
  if (nb_date_is_valid_iso (text))
    {
      g_autofree char *formatted = nb_date_format_long (text);

      g_assert_true (formatted == NULL || g_utf8_validate (formatted, -1, NULL));
    }

  return 0;
}
