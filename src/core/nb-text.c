/* nb-text.c: the character sets of files that other programs export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-text.h"

/* Windows-1252's 0x80..0x9F; 0 where it defines nothing. */
static const gunichar windows_1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static gboolean
looks_like_utf16 (const guint8 *data,
                  gsize         size,
                  gboolean     *big_endian)
{
  guint nuls_even = 0;
  guint nuls_odd = 0;
  gsize n = MIN (size, 256) & ~(gsize) 1;

  if (n < 8)
    return FALSE;

  /* ASCII text in UTF-16 has a NUL in every other byte. */
  for (gsize i = 0; i < n; i += 2)
    {
      nuls_even += data[i] == 0;
      nuls_odd += data[i + 1] == 0;
    }

  if (nuls_odd * 4 >= n / 2 * 3 && nuls_even == 0)
    {
      *big_endian = FALSE;
      return TRUE;
    }
  if (nuls_even * 4 >= n / 2 * 3 && nuls_odd == 0)
    {
      *big_endian = TRUE;
      return TRUE;
    }

  return FALSE;
}

GBytes *
nb_text_to_utf8 (GBytes *data)
{
  const guint8 *bytes;
  const char *from = NULL;
  gsize size;
  gsize skip = 0;
  gboolean big_endian = FALSE;

  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &size);

  if (size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    return g_bytes_new_from_bytes (data, 3, size - 3);

  if (size >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    from = "UTF-16LE", skip = 2;
  else if (size >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    from = "UTF-16BE", skip = 2;
  else if (looks_like_utf16 (bytes, size, &big_endian))
    from = big_endian ? "UTF-16BE" : "UTF-16LE";

  if (from != NULL)
    {
      gsize written = 0;
      char *converted;

      /* An odd last byte cannot be a character: drop it. */
      converted = g_convert ((const char *) bytes + skip, (gssize) ((size - skip) & ~(gsize) 1),
                             "UTF-8", from, NULL, &written, NULL);
      if (converted != NULL)
        return g_bytes_new_take (converted, written);
    }

  return g_bytes_ref (data);
}

char *
nb_text_from_windows_1252 (const char *data,
                           gssize      length,
                           gsize      *out_length)
{
  GString *text;
  gsize n;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  n = length < 0 ? strlen (data) : (gsize) length;
  text = g_string_sized_new (n + n / 8 + 1);

  for (gsize i = 0; i < n; i++)
    {
      guint8 c = (guint8) data[i];

      if (c < 0x80)
        g_string_append_c (text, (char) c);
      else if (c < 0xA0)
        g_string_append_unichar (text, windows_1252_high[c - 0x80] != 0
                                         ? windows_1252_high[c - 0x80] : 0xFFFD);
      else
        g_string_append_unichar (text, c);
    }

  if (out_length != NULL)
    *out_length = text->len;
  return g_string_free (text, FALSE);
}

gboolean
nb_text_has_utf8_sequences (const char *data,
                            gsize       length)
{
  const guint8 *p = (const guint8 *) data;
  const guint8 *end = p + length;

  while (p < end)
    {
      gsize need;

      if (*p < 0xC2 || *p > 0xF4)
        {
          p++;
          continue;
        }

      need = *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : 1;
      if ((gsize) (end - p) > need &&
          g_utf8_get_char_validated ((const char *) p, (gssize) need + 1) < (gunichar) -2)
        return TRUE;
      p++;
    }

  return FALSE;
}
