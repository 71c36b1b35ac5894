<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>LetterTemplatesPage</name>
    <message>
        <source>Brevhuvud och kontakt…</source>
        <translation>Letterhead and contact…</translation>
    </message>
    <message>
        <source>Spara som ny version</source>
        <translation>Save as new version</translation>
    </message>
    <message>
        <source>Ångra ändringar</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <source>Förhandsgranska…</source>
        <translation>Preview…</translation>
    </message>
    <message>
        <source>Återställ den här versionen</source>
        <translation>Restore this version</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Versioner</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Välj en brevmall i listan för att läsa och ändra texten. Ändringar sparas som en ny version; breven som redan skrivits ut behåller sin version.</source>
        <translation>Choose a letter template in the list to read and change its text. Changes are saved as a new version; letters already printed keep their version.</translation>
    </message>
    <message>
        <source>Mallar för breven som skrivs ut. Brevhuvudet och kontaktuppgifterna gäller alla mallar.</source>
        <translation>Templates for the letters that are printed. The letterhead and contact details apply to every template.</translation>
    </message>
    <message>
        <source>Brevmallar</source>
        <translation>Letter templates</translation>
    </message>
    <message>
        <source>Osparade ändringar</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Mallen %1 har ändringar som inte är sparade. Vill du kasta dem?</source>
        <translation>The template %1 has changes that are not saved. Discard them?</translation>
    </message>
    <message>
        <source>%1 – %2, %3 (version %4)</source>
        <translation>%1 – %2, %3 (version %4)</translation>
    </message>
    <message>
        <source>Mallen sparas inte: rätta problemen i listan först.</source>
        <translation>The template is not saved: fix the problems in the list first.</translation>
    </message>
    <message>
        <source>Inga ändringar att spara.</source>
        <translation>No changes to save.</translation>
    </message>
    <message>
        <source>Sparad som version %1.</source>
        <translation>Saved as version %1.</translation>
    </message>
    <message>
        <source>Version %1 är återställd som version %2.</source>
        <translation>Version %1 is restored as version %2.</translation>
    </message>
    <message>
        <source>Ingen förhandsgranskning: rätta problemen i listan först.</source>
        <translation>No preview: fix the problems in the list first.</translation>
    </message>
    <message>
        <source>Exempelbrev: %1</source>
        <translation>Sample letter: %1</translation>
    </message>
    <message>
        <source>Brevhuvudet är sparat.</source>
        <translation>The letterhead is saved.</translation>
    </message>
    <message>
        <source>Mallen %1 har ändringar som inte är sparade. Spara dem som en ny version?</source>
        <translation>The template %1 has changes that are not saved. Save them as a new version?</translation>
    </message>
</context>
</TS>