<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>PartnersPage</name>
    <message>
        <source>Ny partner…</source>
        <translation>New partner…</translation>
    </message>
    <message>
        <source>Vår enhet…</source>
        <translation>Our unit…</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Vad som lämnas ut…</source>
        <translation>What is disclosed…</translation>
    </message>
    <message>
        <source>Spärra…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>Ta bort…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Typ:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Läge:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>Fingeravtryck:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <source>Age-mottagare:</source>
        <translation>Age recipient:</translation>
    </message>
    <message>
        <source>Signeringsnyckel:</source>
        <translation>Signing key:</translation>
    </message>
    <message>
        <source>Enhets-id:</source>
        <translation>Unit id:</translation>
    </message>
    <message>
        <source>Anteckningar:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Lämnas ut:</source>
        <translation>Disclosed:</translation>
    </message>
    <message>
        <source>Inga partner ännu. En partner är en enhet som ni skickar buntar till eller tar emot buntar från, t.ex. polisen eller en kollega på en annan dator. Välj "Ny partner…" och klistra in nycklarna partnern gett er; ge partnern era egna under "Vår enhet…".</source>
        <translation>No partners yet. A partner is a unit you send bundles to or receive bundles from, e.g. the police or a colleague on another computer. Choose "New partner…" and paste the keys the partner gave you; give the partner yours under "Our unit…".</translation>
    </message>
    <message>
        <source>Välj en partner i listan för att se nycklarna och vad som får lämnas ut.</source>
        <translation>Select a partner in the list to see its keys and what may be disclosed.</translation>
    </message>
    <message>
        <source>Enheter som buntar skickas till och tas emot från.</source>
        <translation>Units that bundles are sent to and received from.</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Visas när signeringsnyckeln är angiven.</source>
        <translation>Shown once the signing key is entered.</translation>
    </message>
    <message>
        <source>Saknas</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Spärrad: inga buntar skickas till eller tas emot från partnern.</source>
        <translation>Revoked: no bundles are sent to or accepted from the partner.</translation>
    </message>
    <message>
        <source>Kan ta emot buntar från oss och skicka buntar till oss.</source>
        <translation>Can receive bundles from us and send bundles to us.</translation>
    </message>
    <message>
        <source>Kan ta emot buntar från oss. För att ta emot buntar från partnern behövs dess signeringsnyckel och enhets-id.</source>
        <translation>Can receive bundles from us. To accept bundles from the partner, its signing key and unit id are needed.</translation>
    </message>
    <message>
        <source>Partnern %1 är sparad.</source>
        <translation>Partner %1 saved.</translation>
    </message>
    <message>
        <source>Spärra partner</source>
        <translation>Revoke partner</translation>
    </message>
    <message>
        <source>Spärra %1? Inga fler buntar skickas till partnern och buntar från den tas inte emot. Partnern finns kvar i registret över utlämnanden.</source>
        <translation>Revoke %1? No more bundles are sent to the partner and bundles from it are not accepted. The partner stays in the register of disclosures.</translation>
    </message>
    <message>
        <source>Ta bort partner</source>
        <translation>Delete partner</translation>
    </message>
    <message>
        <source>Ta bort %1 ur listan? Registret över utlämnanden behåller namnet.</source>
        <translation>Remove %1 from the list? The register of disclosures keeps the name.</translation>
    </message>
</context>
</TS>