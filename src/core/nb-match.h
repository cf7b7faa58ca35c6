/* nb-match.h: is the name typed in a capture someone already known?
 *
 * nb_store_match_name() (nb-store.h) ranks the people a typed name may
 * be. The rules, from most to least sure:
 *
 * - EXACT: the same full name ignoring case, accents, punctuation and
 *   spacing ("maria rossi", "MARÍA RÓSSI" → Maria Rossi). A person's
 *   display name and "given family" both count.
 * - NICKNAME: a common English nickname of the same first name with the
 *   same family name ("Bob Haddad" → Robert Haddad; "Bob" and "Rob" too,
 *   both being Robert). The table is in nb-match.c.
 * - TYPO: a small typing slip, counted per word in letters (Damerau-
 *   Levenshtein: a swap of two neighbours is one): words of up to 4
 *   letters allow only a swap ("Tom"/"Tim", "Mark"/"Mary" are different
 *   people), 5–6 letters one edit, longer ones two; at most two in the
 *   whole name, and the family name must be close too. "Marai Rossi" →
 *   Maria Rossi; "Mario Rossini" is not Maria Rossi (three edits), nor
 *   "Jane Dorsey" Jane Doe.
 * - Weaker (never confident): the same first name or family name alone,
 *   or a one-word name that is someone's first name or its nickname.
 *
 * The company, when typed, moves the score: one that agrees with the
 * person's (equal, or the start of it: "Blue Harbor" for "Blue Harbor
 * Insurance") adds 10; a different one takes 20.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-person.h"

G_BEGIN_DECLS

typedef enum {
  NB_MATCH_EXACT,
  NB_MATCH_NICKNAME,
  NB_MATCH_TYPO,
  NB_MATCH_PARTIAL,   /* first or family name only: an alternative */
} NbMatchKind;

/* A score of NB_MATCH_CONFIDENT or more is a match the capture may
 * suggest ("matches Jane Doe"); less is an alternative for the user's
 * "change" menu. */
#define NB_MATCH_CONFIDENT 60

typedef struct {
  NbPerson    *person;    /* owned; the card and tags, no summary or photo */
  NbMatchKind  kind;
  guint        score;     /* 0..100, higher is surer */
  char        *reason;    /* translated: "Bob is short for Robert", … */
} NbMatch;

void         nb_match_free          (NbMatch     *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbMatch, nb_match_free)

gboolean     nb_match_is_confident  (const NbMatch *match);
/* The match to use without asking from nb_store_match_name()'s result:
 * the first one if it is confident and surer than every other; NULL
 * when there is none or the best are tied (ambiguous). Transfer none. */
NbMatch     *nb_match_pick          (GPtrArray   *matches);
/* TRUE if the two first names are the same or nicknames of one name
 * (folded: "bob", "robert"). */
gboolean     nb_match_nicknames     (const char  *folded_a,
                                     const char  *folded_b);
/* Damerau-Levenshtein distance (optimal string alignment) in characters,
 * or G_MAXUINT when above @max. */
guint        nb_match_edit_distance (const char  *a,
                                     const char  *b,
                                     guint        max);

G_END_DECLS
