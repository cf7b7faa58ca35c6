/* import-test-util.c: helpers shared by the import tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "nb-text.h"

GBytes *
test_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", "data", name, NULL);

  return test_read_file (path);
}

GPtrArray *
test_parse_vcards (GBytes *data)
{
  g_autoptr(GBytes) text = nb_text_to_utf8 (data);
  g_autoptr(NbVCardParser) parser = nb_vcard_parser_new (text);
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_vcard_free);
  NbVCard *card;

  while ((card = nb_vcard_parser_next (parser)) != NULL)
    g_ptr_array_add (cards, card);

  g_assert_cmpuint (nb_vcard_parser_get_n_cards (parser), ==, cards->len);
  g_assert_cmpuint (nb_vcard_parser_get_position (parser), ==, nb_vcard_parser_get_size (parser));
  return cards;
}

GPtrArray *
test_parse_vcard_text (const char *text)
{
  g_autoptr(GBytes) data = g_bytes_new (text, strlen (text));

  return test_parse_vcards (data);
}

GBytes *
test_repeat (const char *text,
             gsize       size)
{
  gsize len = strlen (text);
  GString *out = g_string_sized_new (size + len);

  while (out->len < size)
    g_string_append_len (out, text, (gssize) len);

  return g_string_free_to_bytes (out);
}

GStrv
test_values (NbPerson      *person,
             NbPersonField  field)
{
  return nb_person_dup_values (person, field);
}

NbPerson *
test_find_person (NbStore    *store,
                  const char *name)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < people->len; i++)
    {
      NbPerson *person = g_ptr_array_index (people, i);

      if (g_str_equal (nb_person_get_display_name (person), name))
        {
          NbPerson *full = nb_store_get_person (store, nb_person_get_id (person), &error);

          g_assert_no_error (error);
          return full;
        }
    }

  return NULL;
}

guint
test_count_people (NbStore *store)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = nb_store_list_people (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  return people->len;
}
