/* nb-vcard-private.h: what the files of the vCard parser share.
 *
 * nb-vcard.c walks the lines and splits properties; nb-vcard-values.c
 * decodes the properties Netbook keeps into the card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-vcard.h"

G_BEGIN_DECLS

/* Parameters beyond this many on one property are ignored. */
#define NB_VCARD_MAX_PARAMS 32

typedef struct {
  char *name;   /* uppercased; NULL for a vCard 2.1 bare value ("WORK") */
  char *value;  /* unquoted */
} NbVCardParam;

/* One logical line, split in place in the parser's buffer. */
typedef struct {
  char         *name;  /* uppercased, without its group */
  NbVCardParam  params[NB_VCARD_MAX_PARAMS];
  guint         n_params;
  char         *value;  /* NUL-terminated */
  gsize         value_len;
} NbVCardProperty;

/* Keeps the first reason a card cannot be imported. */
void     _nb_vcard_set_skip_reason (NbVCard               *card,
                                    const char            *reason);
/* TRUE for NULL, "" and white space. */
gboolean _nb_vcard_is_blank        (const char            *text);
/* Decodes @prop into @card if Netbook keeps it (VERSION, FN, N, ORG…). */
void     _nb_vcard_handle_property (NbVCard               *card,
                                    const NbVCardProperty *prop);

G_END_DECLS
