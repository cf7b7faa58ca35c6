/* test-vcard.c: the vCard parser against what phones and address books
 * really export, and against hostile input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "nb-text.h"

#define CARD(i) ((NbVCard *) g_ptr_array_index (cards, (i)))

static void
assert_list (GPtrArray          *values,
             const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (values->len, n); i++)
    g_assert_cmpstr (g_ptr_array_index (values, i), ==, expected[i]);
  g_assert_cmpuint (values->len, ==, n);
}

static gboolean
is_jpeg (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return size == 286 && data[0] == 0xFF && data[1] == 0xD8 && data[size - 2] == 0xFF &&
         data[size - 1] == 0xD9;
}

/* ---- real exports ------------------------------------------------------- */

static void
test_android (void)
{
  g_autoptr(GBytes) data = test_fixture ("android-2.1.vcf");
  g_autoptr(GPtrArray) cards = test_parse_vcards (data);
  g_autofree char *nameless = NULL;

  g_assert_cmpuint (cards->len, ==, 4);

  g_assert_cmpuint (CARD (0)->number, ==, 1);
  g_assert_cmpuint (CARD (0)->line, ==, 1);
  g_assert_null (CARD (0)->skip_reason);
  g_assert_cmpstr (CARD (0)->version, ==, "2.1");
  g_assert_cmpstr (CARD (0)->fn, ==, "Jürgen Müller");
  g_assert_cmpstr (CARD (0)->family_name, ==, "Müller");
  g_assert_cmpstr (CARD (0)->given_name, ==, "Jürgen");
  g_assert_cmpstr (CARD (0)->org, ==, "Bäckerei Müller");
  g_assert_cmpstr (CARD (0)->title, ==, "Owner");
  /* TEL;WORK;PREF comes first. */
  assert_list (CARD (0)->phones, (const char *[]) { "+49 30 1234567", "+49 170 1234567", NULL });
  assert_list (CARD (0)->emails, (const char *[]) { "juergen@example.de", NULL });
  /* QUOTED-PRINTABLE soft line breaks, and =0D=0A as a line break. */
  g_assert_cmpstr (CARD (0)->note, ==,
                   "Met at the Chamber breakfast. Wants to open a second shop in Kreuzberg.\n"
                   "Likes sailing and sourdough.");
  g_assert_cmpstr (CARD (0)->bday, ==, "1975-04-15");
  g_assert_nonnull (CARD (0)->photo);
  g_assert_true (is_jpeg (CARD (0)->photo));
  g_assert_null (CARD (0)->photo_problem);

  g_assert_cmpstr (CARD (1)->fn, ==, "王伟");
  g_assert_cmpstr (CARD (1)->family_name, ==, "王");

  /* Android's card for a bare number: no name. */
  g_assert_null (CARD (2)->skip_reason);
  nameless = nb_vcard_dup_name (CARD (2));
  g_assert_cmpstr (nameless, ==, "");
  g_assert_cmpuint (CARD (2)->number, ==, 3);

  g_assert_cmpstr (CARD (3)->fn, ==, "Ada Okafor");
}

static void
test_google (void)
{
  g_autoptr(GBytes) data = test_fixture ("google-3.0.vcf");
  g_autoptr(GPtrArray) cards = test_parse_vcards (data);

  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (CARD (0)->fn, ==, "Maria Rossi");
  /* item2.EMAIL: a property group. */
  assert_list (CARD (0)->emails, (const char *[]) { "maria@rossi-design.example",
                                                    "maria.rossi@gmail.example",
                                                    "maria@studio.example", NULL });
  assert_list (CARD (0)->urls, (const char *[]) { "https://www.linkedin.com/in/mariarossi", NULL });
  /* Folded in the middle of a word; \n \, \; escapes. */
  g_assert_cmpstr (CARD (0)->note, ==,
                   "Introduced by Tom at the BNI chapter.\n"
                   "Looking for print partners, especially in Turin; prefers email.");
  assert_list (CARD (0)->categories, (const char *[]) { "myContacts", "Designers", NULL });
  g_assert_cmpstr (CARD (0)->location, ==, "Milano, MI, Italia");
  g_assert_cmpstr (CARD (0)->bday, ==, "1982-02-28");
  /* A link to a photo is never fetched. */
  g_assert_null (CARD (0)->photo);
  g_assert_null (CARD (0)->photo_problem);

  /* BDAY without a year: no birthday, month and day kept. */
  g_assert_cmpstr (CARD (1)->bday, ==, "");
  g_assert_cmpuint (CARD (1)->bday_month, ==, 4);
  g_assert_cmpuint (CARD (1)->bday_day, ==, 15);
}

static void
test_apple (void)
{
  g_autoptr(GBytes) data = test_fixture ("apple-3.0.vcf");
  g_autoptr(GPtrArray) cards = test_parse_vcards (data);

  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (CARD (0)->fn, ==, "Zoë Ångström");
  g_assert_cmpstr (CARD (0)->org, ==, "Acme Bakery");
  g_assert_cmpuint (g_strv_length (CARD (0)->org_units), ==, 1);
  g_assert_cmpstr (CARD (0)->org_units[0], ==, "Sales");
  assert_list (CARD (0)->emails, (const char *[]) { "zoe@acme-bakery.example",
                                                    "zoe.angstrom@mail.example", NULL });
  /* "https\://" unescaped; X-SOCIALPROFILE is a profile URL. */
  assert_list (CARD (0)->urls, (const char *[]) { "https://acme-bakery.example",
                                                  "https://www.linkedin.com/in/zoeangstrom", NULL });
  g_assert_cmpstr (CARD (0)->location, ==, "London, United Kingdom");
  /* X-APPLE-OMIT-YEAR: the year 1604 means "no year". */
  g_assert_cmpstr (CARD (0)->bday, ==, "");
  g_assert_cmpuint (CARD (0)->bday_month, ==, 6);
  g_assert_cmpuint (CARD (0)->bday_day, ==, 1);
  /* PHOTO;ENCODING=b folded over many lines. */
  g_assert_nonnull (CARD (0)->photo);
  g_assert_true (is_jpeg (CARD (0)->photo));

  g_assert_cmpstr (CARD (1)->fn, ==, "Smith Flour Ltd");
  g_assert_cmpstr (CARD (1)->org, ==, "Smith Flour Ltd");
  g_assert_cmpuint (g_strv_length (CARD (1)->org_units), ==, 0);
}

static void
test_outlook (void)
{
  g_autoptr(GBytes) data = test_fixture ("outlook-2.1.vcf");
  g_autoptr(GPtrArray) cards = test_parse_vcards (data);

  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_null (CARD (0)->skip_reason);
  g_assert_cmpstr (CARD (0)->fn, ==, "Günther Weiß");
  g_assert_cmpstr (CARD (0)->org, ==, "Müller & Söhne GmbH");
  g_assert_cmpstr (CARD (0)->org_units[0], ==, "Einkauf");
  g_assert_cmpstr (CARD (0)->title, ==, "Einkäufer");
  g_assert_cmpstr (CARD (0)->location, ==, "München, Deutschland");
  /* QUOTED-PRINTABLE in Windows-1252, with its typographic quotes. */
  g_assert_cmpstr (CARD (0)->note, ==, "Sprach über „Netzwerken“ – sehr nett.");
  assert_list (CARD (0)->urls, (const char *[]) { "http://www.mueller-soehne.example", NULL });

  /* vCard 2.1 without CHARSET, not UTF-8: Windows-1252. */
  g_assert_null (CARD (1)->skip_reason);
  g_assert_cmpstr (CARD (1)->fn, ==, "José Núñez");
}

static void
test_gnome_contacts (void)
{
  g_autoptr(GBytes) data = test_fixture ("gnome-contacts.vcf");
  g_autoptr(GPtrArray) cards = test_parse_vcards (data);
  const guint8 *png;
  gsize size;

  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (CARD (0)->version, ==, "4.0");
  g_assert_cmpstr (CARD (0)->fn, ==, "Dinesh Patel");
  g_assert_cmpstr (CARD (0)->prefixes, ==, "Dr.");
  /* TEL;VALUE=uri:tel:… */
  assert_list (CARD (0)->phones, (const char *[]) { "+1-555-555-0100", "+1-555-555-0199 ext. 42", NULL });
  g_assert_cmpstr (CARD (0)->bday, ==, "1970-08-12");
  assert_list (CARD (0)->categories, (const char *[]) { "lawyers", "BNI", NULL });
  /* PHOTO:data:image/png;base64,… */
  g_assert_nonnull (CARD (0)->photo);
  png = g_bytes_get_data (CARD (0)->photo, &size);
  g_assert_cmpmem (png, 4, "\x89PNG", 4);

  g_assert_cmpstr (CARD (1)->version, ==, "3.0");
  g_assert_cmpstr (CARD (1)->fn, ==, "Tom O'Brien");
  g_assert_null (CARD (1)->photo);
}

/* ---- syntax ------------------------------------------------------------- */

static void
test_line_ends (void)
{
  const char *lf = "BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n Lovelace\nNOTE:one\\ntwo\nEND:VCARD\n";
  const char *variants[] = {
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n Lovelace\r\nNOTE:one\\ntwo\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n Lovelace\nNOTE:one\\ntwo\nEND:VCARD\n",
    "BEGIN:VCARD\rVERSION:3.0\rFN:Ada\r Lovelace\rNOTE:one\\ntwo\rEND:VCARD\r",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n\tLovelace\r\nNOTE:one\\ntwo\r\nEND:VCARD",
    "\xEF\xBB\xBF" "BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n Lovelace\nNOTE:one\\ntwo\nEND:VCARD\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(GPtrArray) cards = test_parse_vcard_text (variants[i]);

      g_assert_cmpuint (cards->len, ==, 1);
      g_assert_null (CARD (0)->skip_reason);
      g_assert_cmpstr (CARD (0)->fn, ==, "AdaLovelace");
      g_assert_cmpstr (CARD (0)->note, ==, "one\ntwo");
    }

  /* UTF-16, with and without a byte order mark. */
  for (guint bom = 0; bom < 2; bom++)
    {
      g_autofree char *utf16 = NULL;
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autoptr(GBytes) data = NULL;
      g_autoptr(GPtrArray) cards = NULL;
      gsize len = 0;

      utf16 = g_convert (lf, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
      if (bom)
        g_byte_array_append (bytes, (const guint8 *) "\xFF\xFE", 2);
      g_byte_array_append (bytes, (const guint8 *) utf16, (guint) len);
      data = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
      cards = test_parse_vcards (data);
      g_assert_cmpuint (cards->len, ==, 1);
      g_assert_cmpstr (CARD (0)->fn, ==, "AdaLovelace");
    }
}

static void
test_properties (void)
{
  g_autoptr(GPtrArray) cards = test_parse_vcard_text (
    "begin:vcard\n"
    "version:3.0\n"
    "n:O\\;Neil\\\\;Sean;;;\n"
    "fn:  Sean  \n"
    "Item7.Email;Type=Work;TYPE=\"internet,pref\":sean@oneil.example\n"
    "EMAIL:mailto:second@oneil.example\n"
    "EMAIL:sean@oneil.example\n"
    "CATEGORIES:a\\,b,c,,c\n"
    "X-FOO;BAR=\"a:b\":ignored: yes\n"
    "ROLE:Project lead\n"
    "NICKNAME:Seanie\n"
    "TEL;type=pref:+1\n"
    "TEL:+2\n"
    "end:vcard\n");

  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (CARD (0)->family_name, ==, "O;Neil\\");
  g_assert_cmpstr (CARD (0)->given_name, ==, "Sean");
  g_assert_cmpstr (CARD (0)->fn, ==, "Sean");
  assert_list (CARD (0)->emails, (const char *[]) { "sean@oneil.example", "second@oneil.example", NULL });
  assert_list (CARD (0)->categories, (const char *[]) { "a,b", "c", NULL });
  g_assert_cmpstr (CARD (0)->role, ==, "Project lead");
  g_assert_null (CARD (0)->title);
  assert_list (CARD (0)->phones, (const char *[]) { "+1", "+2", NULL });
}

static void
test_name_from_n (void)
{
  g_autoptr(GPtrArray) cards = test_parse_vcard_text (
    "BEGIN:VCARD\nVERSION:2.1\nN:Rossi;Maria;Luisa;Dr.;PhD\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:   \nN:;;;;\nEND:VCARD\n");
  g_autofree char *name = nb_vcard_dup_name (CARD (0));
  g_autofree char *blank = nb_vcard_dup_name (CARD (1));

  g_assert_cmpstr (name, ==, "Maria Luisa Rossi");
  g_assert_cmpstr (blank, ==, "");
}

/* ---- broken files ------------------------------------------------------- */

static void
test_missing_end (void)
{
  g_autoptr(GPtrArray) cards = test_parse_vcard_text (
    "garbage before\n"
    "END:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:One\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Two\nthis line has no colon\n;;;\nEND:VCARD\n"
    "more garbage\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Three\n");

  g_assert_cmpuint (cards->len, ==, 3);
  g_assert_cmpstr (CARD (0)->fn, ==, "One");
  g_assert_nonnull (CARD (0)->skip_reason);
  g_assert_nonnull (strstr (CARD (0)->skip_reason, "END:VCARD"));
  g_assert_cmpuint (CARD (0)->line, ==, 3);

  g_assert_cmpstr (CARD (1)->fn, ==, "Two");
  g_assert_null (CARD (1)->skip_reason);
  g_assert_cmpuint (CARD (1)->line, ==, 6);

  g_assert_cmpstr (CARD (2)->fn, ==, "Three");
  g_assert_nonnull (CARD (2)->skip_reason);
  g_assert_cmpuint (CARD (2)->number, ==, 3);
}

static void
test_no_cards (void)
{
  const char *inputs[] = { "", "\n\n", "hello world\n", "END:VCARD\n", "BEGIN:VCALENDAR\nEND:VCALENDAR\n" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) cards = test_parse_vcard_text (inputs[i]);

      g_assert_cmpuint (cards->len, ==, 0);
    }
}

static void
test_text (void)
{
  static const char nul_card[] = "BEGIN:VCARD\nVERSION:3.0\nFN:Bad\0Name\nEND:VCARD\n"
                                 "BEGIN:VCARD\nVERSION:3.0\nFN:Good\nX-JUNK:a\0b\nEND:VCARD\n";
  g_autoptr(GBytes) data = g_bytes_new_static (nul_card, sizeof nul_card - 1);
  g_autoptr(GPtrArray) nul = test_parse_vcards (data);
  g_autoptr(GPtrArray) cards = test_parse_vcard_text (
    "BEGIN:VCARD\nVERSION:3.0\nFN:Caf\xE9\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:2.1\nFN:Caf\xE9\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8:Caf\xE9\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=ISO-8859-1:Caf\xE9\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=KOI8-R:\xF0\xD5\xDB\xCB\xC9\xCE\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=X-NO-SUCH-CHARSET:x\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:<b>Bob</b> & \"Sons\"\nX-BAD:\xFF\xFE\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Tab\tand\x01" "control\nEND:VCARD\n");

  g_assert_cmpuint (nul->len, ==, 2);
  g_assert_nonnull (g_ptr_array_index (nul, 0));
  g_assert_nonnull (((NbVCard *) g_ptr_array_index (nul, 0))->skip_reason);
  /* A NUL in a property that is not read costs nothing. */
  g_assert_null (((NbVCard *) g_ptr_array_index (nul, 1))->skip_reason);

  g_assert_cmpuint (cards->len, ==, 8);
  g_assert_nonnull (CARD (0)->skip_reason);
  g_assert_nonnull (strstr (CARD (0)->skip_reason, "UTF-8"));
  g_assert_null (CARD (1)->skip_reason);
  g_assert_cmpstr (CARD (1)->fn, ==, "Café");
  g_assert_nonnull (CARD (2)->skip_reason);
  g_assert_cmpstr (CARD (3)->fn, ==, "Café");
  g_assert_cmpstr (CARD (4)->fn, ==, "Пушкин");
  g_assert_nonnull (CARD (5)->skip_reason);
  g_assert_nonnull (strstr (CARD (5)->skip_reason, "X-NO-SUCH-CHARSET"));
  /* Markup is only text; an unread bad property costs nothing. */
  g_assert_null (CARD (6)->skip_reason);
  g_assert_cmpstr (CARD (6)->fn, ==, "<b>Bob</b> & \"Sons\"");
  g_assert_cmpstr (CARD (7)->fn, ==, "Tab and control");
}

static void
test_dates (void)
{
  const struct {
    const char *bday;
    const char *iso;
    guint       month;
    guint       day;
  } cases[] = {
    { "BDAY:1985-04-15", "1985-04-15", 0, 0 },
    { "BDAY:19850415", "1985-04-15", 0, 0 },
    { "BDAY:1985-04-15T00:00:00Z", "1985-04-15", 0, 0 },
    { "BDAY;VALUE=date:19850415T120000", "1985-04-15", 0, 0 },
    { "BDAY:0000-00-00", "", 0, 0 },
    { "BDAY:2023-02-30", "", 0, 0 },
    { "BDAY:0999-01-01", "", 0, 0 },
    { "BDAY:--0415", "", 4, 15 },
    { "BDAY:--04-15", "", 4, 15 },
    { "BDAY:--0229", "", 2, 29 },
    { "BDAY:--1332", "", 0, 0 },
    { "BDAY:1985", "", 0, 0 },
    { "BDAY;VALUE=text:circa 1800", "", 0, 0 },
    { "BDAY:", "", 0, 0 },
    { "BDAY:99999999999999999999", "", 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("BEGIN:VCARD\nVERSION:3.0\nFN:X\n%s\nEND:VCARD\n",
                                               cases[i].bday);
      g_autoptr(GPtrArray) cards = test_parse_vcard_text (text);

      g_test_message ("%s", cases[i].bday);
      g_assert_cmpuint (cards->len, ==, 1);
      g_assert_null (CARD (0)->skip_reason);
      g_assert_cmpstr (CARD (0)->bday, ==, cases[i].iso);
      g_assert_cmpuint (CARD (0)->bday_month, ==, cases[i].month);
      g_assert_cmpuint (CARD (0)->bday_day, ==, cases[i].day);
    }
}

static void
test_photos (void)
{
  g_autoptr(GString) big = g_string_new ("BEGIN:VCARD\nVERSION:3.0\nFN:Big\nPHOTO;ENCODING=b;TYPE=JPEG:");
  g_autoptr(GPtrArray) cards = test_parse_vcard_text (
    "BEGIN:VCARD\nVERSION:3.0\nFN:Link\nPHOTO;VALUE=uri:https://example.com/a.jpg\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:4.0\nFN:Link4\nPHOTO:http://example.com/a.jpg\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Text\nPHOTO;ENCODING=b:aGVsbG8gd29ybGQ=\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:4.0\nFN:Gif\nPHOTO:data:image/gif;base64,R0lGODlhAQABAAAAACw=\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:4.0\nFN:NotBase64\nPHOTO:data:image/gif,GIF89a\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:2.1\nFN:Unindented\nPHOTO;GIF;BASE64:R0lG\nODlh\nAQAB\n\nEMAIL:u@example.com\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Empty\nPHOTO;ENCODING=b:\nEND:VCARD\n");
  g_autoptr(GPtrArray) big_cards = NULL;
  gsize size;

  g_assert_cmpuint (cards->len, ==, 7);
  g_assert_null (CARD (0)->photo);
  g_assert_null (CARD (0)->photo_problem);
  g_assert_null (CARD (1)->photo);
  g_assert_null (CARD (2)->photo);
  g_assert_nonnull (CARD (2)->photo_problem);
  g_assert_nonnull (CARD (3)->photo);
  g_assert_cmpmem (g_bytes_get_data (CARD (3)->photo, &size), 6, "GIF89a", 6);
  g_assert_null (CARD (4)->photo);
  /* vCard 2.1: BASE64 lines without indentation, up to a blank line. */
  g_assert_nonnull (CARD (5)->photo);
  g_assert_cmpuint (g_bytes_get_size (CARD (5)->photo), ==, 9);
  g_assert_cmpstr (g_ptr_array_index (CARD (5)->emails, 0), ==, "u@example.com");
  g_assert_null (CARD (6)->photo);

  /* Larger than 10 MB: left out with a reason, the card is kept. */
  g_string_append (big, "/9j/");
  while (big->len < 15 * 1024 * 1024)
    g_string_append (big, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n ");
  g_string_append (big, "\nEND:VCARD\n");
  big_cards = test_parse_vcard_text (big->str);
  g_assert_cmpuint (big_cards->len, ==, 1);
  g_assert_null (((NbVCard *) g_ptr_array_index (big_cards, 0))->skip_reason);
  g_assert_null (((NbVCard *) g_ptr_array_index (big_cards, 0))->photo);
  g_assert_nonnull (((NbVCard *) g_ptr_array_index (big_cards, 0))->photo_problem);
}

static void
test_long_line (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\nVERSION:3.0\nFN:Long\nNOTE:");
  g_autoptr(GPtrArray) cards = NULL;

  while (text->len < NB_VCARD_MAX_LINE / 16 * 18)
    g_string_append (text, "0123456789012345678901234567890123456789012345678901234567890123456789\n ");
  g_string_append (text, "\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Next\nEND:VCARD\n");

  cards = test_parse_vcard_text (text->str);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_nonnull (CARD (0)->skip_reason);
  g_assert_null (CARD (1)->skip_reason);
  g_assert_cmpstr (CARD (1)->fn, ==, "Next");
}

static void
test_caps (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCARD\nVERSION:3.0\nFN:Many\n");
  g_autoptr(GPtrArray) cards = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "EMAIL:a%u@example.com\nCATEGORIES:t%u\n", i, i);
  g_string_append (text, "END:VCARD\n");

  cards = test_parse_vcard_text (text->str);
  g_assert_cmpuint (CARD (0)->emails->len, ==, NB_VCARD_MAX_VALUES);
  g_assert_cmpuint (CARD (0)->categories->len, ==, NB_VCARD_MAX_VALUES);
}

/* Sanitizers unwind the stack on every allocation: a smaller file. */
#if defined(__SANITIZE_ADDRESS__)
#define LARGE_FILE_SIZE (1024 * 1024)
#else
#define LARGE_FILE_SIZE (10 * 1024 * 1024)
#endif

/* A file of 10 MB of cards parses card by card (no timing asserted). */
static void
test_ten_megabytes (void)
{
  g_autoptr(GBytes) data = test_repeat ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Rossi;Maria;;;\r\n"
                                        "FN:Maria Rossi\r\nEMAIL;TYPE=INTERNET:maria@example.com\r\n"
                                        "TEL;TYPE=CELL:+39 333 123 4567\r\nORG:Rossi Design\r\n"
                                        "NOTE:Met at the fair\\, liked her work.\r\nEND:VCARD\r\n",
                                        LARGE_FILE_SIZE);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) cards = test_parse_vcards (data);

  g_test_message ("%u cards (%zu bytes) in %.0f ms", cards->len, g_bytes_get_size (data),
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (cards->len, >, LARGE_FILE_SIZE / 350);
  g_assert_cmpstr (CARD (cards->len - 1)->fn, ==, "Maria Rossi");
}

static void
test_windows_1252 (void)
{
  g_autofree char *all = NULL;
  g_autofree char *undefined = nb_text_from_windows_1252 ("\x81\x8D", -1, NULL);
  char bytes[256];

  for (guint i = 1; i < 256; i++)
    bytes[i - 1] = (char) i;
  bytes[255] = '\0';
  all = nb_text_from_windows_1252 (bytes, -1, NULL);

  g_assert_true (g_utf8_validate (all, -1, NULL));
  g_assert_nonnull (strstr (all, "€"));
  g_assert_nonnull (strstr (all, "ÿ"));
  g_assert_cmpstr (undefined, ==, "\xEF\xBF\xBD\xEF\xBF\xBD");
  g_assert_true (nb_text_has_utf8_sequences ("caf\xC3\xA9 \xFF", 8));
  g_assert_false (nb_text_has_utf8_sequences ("caf\xE9 \xFF", 6));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/vcard/android", test_android);
  g_test_add_func ("/import/vcard/google", test_google);
  g_test_add_func ("/import/vcard/apple", test_apple);
  g_test_add_func ("/import/vcard/outlook", test_outlook);
  g_test_add_func ("/import/vcard/gnome-contacts", test_gnome_contacts);
  g_test_add_func ("/import/vcard/line-ends", test_line_ends);
  g_test_add_func ("/import/vcard/properties", test_properties);
  g_test_add_func ("/import/vcard/name-from-n", test_name_from_n);
  g_test_add_func ("/import/vcard/missing-end", test_missing_end);
  g_test_add_func ("/import/vcard/no-cards", test_no_cards);
  g_test_add_func ("/import/vcard/text", test_text);
  g_test_add_func ("/import/vcard/dates", test_dates);
  g_test_add_func ("/import/vcard/photos", test_photos);
  g_test_add_func ("/import/vcard/long-line", test_long_line);
  g_test_add_func ("/import/vcard/caps", test_caps);
  g_test_add_func ("/import/vcard/ten-megabytes", test_ten_megabytes);
  g_test_add_func ("/import/vcard/windows-1252", test_windows_1252);

  return g_test_run ();
}
