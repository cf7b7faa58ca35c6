/* nb-vcard.h: reading vCard files (2.1, 3.0, 4.0) one card at a time.
 *
 * No library of the GNOME runtime parses vCard, so this small parser
 * lives here. It reads what phones and address books really export:
 * many cards in one file, CRLF, LF or CR line ends, UTF-8 with or
 * without a byte order mark or UTF-16 (nb_text_to_utf8()), folded lines (space or tab), QUOTED-PRINTABLE with
 * soft line breaks, CHARSET, BASE64 and data: URIs, backslash escapes,
 * property groups ("item1.EMAIL") and parameters in any case.
 *
 * Memory stays proportional to the input: one logical line is built at
 * a time in a reused buffer, and a logical line, a value list and a
 * photo have caps. A card that cannot be used is still returned, with
 * a reason to skip it, so that the caller can report it by number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A logical (unfolded) line longer than this skips its card. */
#define NB_VCARD_MAX_LINE        (16 * 1024 * 1024)
/* A decoded photo larger than this is left out (the card is kept). */
#define NB_VCARD_MAX_PHOTO       (10 * 1024 * 1024)
/* Values kept per list (emails, phones, urls, categories). */
#define NB_VCARD_MAX_VALUES      100

typedef struct {
  guint      number;           /* 1-based position in the file */
  guint      line;             /* physical line of its BEGIN:VCARD */
  char      *version;          /* "2.1", "3.0", "4.0"…, "" if none */
  /* Translated, one line; set when the card cannot be imported. */
  char      *skip_reason;

  char      *fn;               /* formatted name */
  char      *family_name;      /* N, first component */
  char      *given_name;       /* N, second */
  char      *additional_names; /* N, third */
  char      *prefixes;         /* N, fourth: "Dr." */
  char      *suffixes;         /* N, fifth: "Jr." */
  char      *org;              /* ORG, first component */
  GStrv      org_units;        /* ORG, the other components; never NULL */
  char      *title;
  char      *role;
  char      *note;             /* NOTE values, joined by blank lines */
  /* BDAY as YYYY-MM-DD, or "" when absent, invalid or without a year;
   * then bday_month/bday_day (1-based, else 0) keep a year-less one. */
  char      *bday;
  guint      bday_month;
  guint      bday_day;
  char      *location;         /* first ADR: "Locality, Region, Country" */
  GPtrArray *emails;           /* char*, preferred ones first */
  GPtrArray *phones;
  GPtrArray *urls;             /* URL and X-SOCIALPROFILE */
  GPtrArray *categories;
  GBytes    *photo;            /* an image file's bytes, or NULL */
  /* Translated; why a PHOTO was left out (too large, not an image). */
  char      *photo_problem;
} NbVCard;

void nb_vcard_free (NbVCard *card);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbVCard, nb_vcard_free)

/* The best name of a card: FN, else the parts of N, else "". Newly
 * allocated, trimmed. */
char *nb_vcard_dup_name (const NbVCard *card);

typedef struct _NbVCardParser NbVCardParser;

/* Reads @data (kept alive by the parser), after nb_text_to_utf8(). */
NbVCardParser *nb_vcard_parser_new          (GBytes        *data);
void           nb_vcard_parser_free         (NbVCardParser *self);
/* The next card, or NULL at the end of the data. Lines outside cards
 * are ignored. */
NbVCard       *nb_vcard_parser_next         (NbVCardParser *self);
/* How far the parser has read, in bytes of the (converted) data, and
 * its size: for progress. */
gsize          nb_vcard_parser_get_position (NbVCardParser *self);
gsize          nb_vcard_parser_get_size     (NbVCardParser *self);
/* Cards seen so far. */
guint          nb_vcard_parser_get_n_cards  (NbVCardParser *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbVCardParser, nb_vcard_parser_free)

G_END_DECLS
