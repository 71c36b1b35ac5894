<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>LetterChoiceDialog</name>
    <message>
        <source>Brevmall</source>
        <translation>Letter template</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Förhandsgranska</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Svenska</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <source>Engelska</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>LettersTab</name>
    <message>
        <source>Inga brev utskrivna för call-in ännu.</source>
        <translation>No letters printed for the call-in yet.</translation>
    </message>
    <message>
        <source>Brev till deltagarna…</source>
        <translation>Letters to the attendees…</translation>
    </message>
    <message>
        <source>Inbjudningar…</source>
        <translation>Invitations…</translation>
    </message>
    <message>
        <source>Ett brev per deltagare, i en PDF</source>
        <translation>One letter per attendee, in one PDF</translation>
    </message>
    <message>
        <source>Ingen är registrerad som deltagare ännu (”Kom” under Inbjudna).</source>
        <translation>Nobody is recorded as attending yet (“Came” under Invitees).</translation>
    </message>
    <message>
        <source>En inbjudan per kallad person, i en PDF</source>
        <translation>One invitation per invited person, in one PDF</translation>
    </message>
    <message>
        <source>Ingen är kallad ännu (”Bjud in…” under Inbjudna).</source>
        <translation>Nobody is invited yet (“Invite…” under Invitees).</translation>
    </message>
    <message>
        <source>Inbjudningar</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>Brev till deltagarna</source>
        <translation>Letters to the attendees</translation>
    </message>
    <message>
        <source>Skapar brev…</source>
        <translation>Creating letters…</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>