<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Återställningsnyckel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Spara återställningsnyckeln</source>
        <translation>Save the recovery key</translation>
    </message>
    <message>
        <source>Nyckeln öppnar valvet om lösenfrasen glöms bort. Den visas bara nu. Skriv ut den och lås in den — den som har nyckeln kan läsa allt i valvet. Spara den inte i e-post, i molnet eller i valvets mapp.</source>
        <translation>The key opens the vault if the passphrase is forgotten. It is shown only now. Print it and lock it away — whoever has the key can read everything in the vault. Do not keep it in e-mail, in the cloud or in the vault&apos;s folder.</translation>
    </message>
    <message>
        <source>Spara som &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <source>Jag har &amp;sparat nyckeln</source>
        <translation>I have &amp;saved the key</translation>
    </message>
    <message>
        <source>&amp;Fortsätt</source>
        <translation>&amp;Continue</translation>
    </message>
    <message>
        <source>Mottryck-återställningsnyckel-%1.pdf</source>
        <translation>Mottryck-recovery-key-%1.pdf</translation>
    </message>
    <message>
        <source>Spara återställningsnyckeln som PDF</source>
        <translation>Save the recovery key as PDF</translation>
    </message>
    <message>
        <source>Sparad som %1. Skriv ut den, lås in papperet och radera sedan filen.</source>
        <translation>Saved as %1. Print it, lock the paper away and then delete the file.</translation>
    </message>
</context>
</TS>
