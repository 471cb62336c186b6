/**
 * SQL shared by the event writer and the reach preview, so "who will receive this, and how" is answered
 * the same way before and after an event.
 */

/** People an event of audience `$audience` about unit `$unit` (or naming `people`, uuid[]) reaches (u = app_user). */
export const AUDIENCE_MATCH = (unit: string, audience: string, people = 'NULL::uuid[]') => `u.active AND (
     (${audience} = 'PEOPLE' AND u.id = ANY(${people}))
  OR (u.unit_id = ${unit} AND u.role = 'UNIT_LIAISON' AND ${audience} IN ('UNIT', 'UNIT_AND_LEADER', 'EVERYONE'))
  OR (u.unit_id = ${unit} AND u.role = 'UNIT_LEADER' AND ${audience} IN ('UNIT_AND_LEADER', 'UNIT_LEADER', 'EVERYONE'))
  OR (u.role IN ('OFFICE_ADMIN', 'OFFICE_STAFF') AND ${audience} IN ('OFFICE', 'EVERYONE')))`;

/**
 * The channels a person `u` gets a kind on, as a subquery of rows (channel) to join LATERAL: their own choice for the kind, else the
 * office default (mc = message_config), else the product default (`$defaults`, jsonb) — then only the
 * channels that can reach them (e-mail on and an address; the office's app set up and an id or mobile:
 * `phone_mobile`, kept beside the encrypted phone, since platforms find people by their mobile).
 * Needs p = notification_preference and mc joined (LEFT JOIN).
 */
export const CHANNELS_OF = (kind: string, defaults: string, smtpEnabled: string) => `(
    SELECT ch AS channel FROM jsonb_array_elements_text(
      COALESCE(p.channels -> ${kind}, mc.default_channels -> ${kind}, ${defaults}::jsonb -> ${kind}, '[]'::jsonb)) AS ch
     WHERE (ch = 'EMAIL' AND ${smtpEnabled} AND coalesce(u.email, '') <> '')
        OR (ch = 'WECOM' AND mc.wecom_corp_id IS NOT NULL AND (u.wecom_userid IS NOT NULL OR u.phone_mobile))
        OR (ch = 'DINGTALK' AND mc.dingtalk_app_key IS NOT NULL AND (u.dingtalk_userid IS NOT NULL OR u.phone_mobile)))`;
