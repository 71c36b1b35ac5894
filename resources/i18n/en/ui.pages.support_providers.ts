<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ProvidersTab</name>
    <message>
        <source>Sök på namn eller område</source>
        <translation>Search by name or area</translation>
    </message>
    <message>
        <source>Visa arkiverade</source>
        <translation>Show archived</translation>
    </message>
    <message>
        <source>Ny utförare…</source>
        <translation>New provider…</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Arkivera</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Ta bort…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Ta bort en utförare som lagts in av misstag</source>
        <translation>Delete a provider added by mistake</translation>
    </message>
    <message>
        <source>1 utförare</source>
        <translation>1 provider</translation>
    </message>
    <message>
        <source>%1 utförare</source>
        <translation>%1 providers</translation>
    </message>
    <message>
        <source>Ingen utförare matchar sökningen.</source>
        <translation>No provider matches the search.</translation>
    </message>
    <message>
        <source>Inga utförare ännu. Lägg in de verksamheter som tar emot remisser — stödsamtal, boende, arbete, beroendevård, skuldrådgivning och andra — med ”Ny utförare…”.</source>
        <translation>No providers yet. Add the organisations that take referrals — support talks, housing, work, addiction care, debt advice and others — with “New provider…”.</translation>
    </message>
    <message>
        <source>Återställ</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Ta in utföraren bland dem som kan väljas i nya remisser igen</source>
        <translation>Make the provider one that can be chosen in new referrals again</translation>
    </message>
    <message>
        <source>Tar inte längre emot remisser: finns kvar för de remisser som nämner den men väljs inte i nya</source>
        <translation>No longer takes referrals: kept for the referrals that name it but not chosen in new ones</translation>
    </message>
    <message>
        <source>Insatser</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Erbjuder</source>
        <translation>Offers</translation>
    </message>
    <message>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>%1 är sparad</source>
        <translation>%1 is saved</translation>
    </message>
    <message>
        <source>Ta bort utförare</source>
        <translation>Delete provider</translation>
    </message>
    <message>
        <source>Ta bort %1? Gör det bara om utföraren lagts in av misstag; en utförare som inte längre tar emot remisser arkiveras i stället.</source>
        <translation>Delete %1? Only do so if the provider was added by mistake; a provider that no longer takes referrals is archived instead.</translation>
    </message>
</context>
</TS>
