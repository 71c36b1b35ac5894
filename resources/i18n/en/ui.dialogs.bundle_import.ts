<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BundleImportWizard</name>
    <message>
        <source>Importera från partner</source>
        <translation>Import from partner</translation>
    </message>
    <message>
        <source>&amp;Kontrollera &gt;</source>
        <translation>&amp;Check &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Tillbaka</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Stäng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ChooseStep</name>
    <message>
        <source>Välj bunt</source>
        <translation>Choose bundle</translation>
    </message>
    <message>
        <source>En bunt (.age) från en partner. Den kontrolleras innan något läses in.</source>
        <translation>A bundle (.age) from a partner. It is checked before anything is read in.</translation>
    </message>
    <message>
        <source>&amp;Välj…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Fil:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>Öppna bunt</source>
        <translation>Open bundle</translation>
    </message>
    <message>
        <source>Mottryck-buntar (*.age);;Alla filer (*)</source>
        <translation>Mottryck bundles (*.age);;All files (*)</translation>
    </message>
    <message>
        <source>Filen finns inte.</source>
        <translation>The file does not exist.</translation>
    </message>
</context>
<context>
    <name>DoneStep</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>&amp;Avbryt importen</source>
        <translation>&amp;Cancel the import</translation>
    </message>
    <message>
        <source>&amp;Försök igen</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>Öppna &amp;listan Att granska</source>
        <translation>Open the To &amp;review list</translation>
    </message>
    <message>
        <source>Bunten läses in…</source>
        <translation>Importing the bundle…</translation>
    </message>
    <message>
        <source>Kontrollerar…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Skriver…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>Importerad. 1 ändring.</source>
        <translation>Imported. 1 change.</translation>
    </message>
    <message>
        <source>Importerad. %1 ändringar.</source>
        <translation>Imported. %1 changes.</translation>
    </message>
    <message>
        <source>1 punkt att granska.</source>
        <translation>1 item to review.</translation>
    </message>
    <message>
        <source>%1 punkter att granska.</source>
        <translation>%1 items to review.</translation>
    </message>
    <message>
        <source>Importen avbröts. Inget lästes in och inget har ändrats.</source>
        <translation>The import was cancelled. Nothing was imported and nothing has changed.</translation>
    </message>
    <message>
        <source>Bunten lästes inte in. Inget har ändrats.</source>
        <translation>The bundle was not imported. Nothing has changed.</translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message>
        <source>Kontroll</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>&amp;Avbryt kontrollen</source>
        <translation>&amp;Cancel the check</translation>
    </message>
    <message>
        <source>&amp;Importera</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Bunten kontrolleras…</source>
        <translation>Checking the bundle…</translation>
    </message>
    <message>
        <source>Kontrollen avbröts. Inget har ändrats.

Välj en annan fil eller kontrollera igen med Tillbaka.</source>
        <translation>The check was cancelled. Nothing has changed.

Choose another file or check again with Back.</translation>
    </message>
    <message>
        <source>Bunten är hel, signerad av avsändaren och adresserad hit. Så här skulle den ändra registret:</source>
        <translation>The bundle is whole, signed by the sender and addressed here. This is how it would change the register:</translation>
    </message>
    <message>
        <source>okänt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Från: %1</source>
        <translation>From: %1</translation>
    </message>
    <message>
        <source>Fingeravtryck: %1</source>
        <translation>Fingerprint: %1</translation>
    </message>
    <message>
        <source>Löpnummer: %1</source>
        <translation>Sequence number: %1</translation>
    </message>
    <message>
        <source>Rättslig grund: %1</source>
        <translation>Legal basis: %1</translation>
    </message>
    <message>
        <source>Ändamål: %1</source>
        <translation>Purpose: %1</translation>
    </message>
    <message>
        <source>Inga uppgifter behöver granskas.</source>
        <translation>Nothing needs to be reviewed.</translation>
    </message>
    <message>
        <source>1 uppgift där den här datorn och avsändaren skiljer sig åt läggs i listan Att granska; värdet under Behålls gäller tills någon väljer.</source>
        <translation>1 item where this computer and the sender differ goes to the To review list; the value under Kept applies until someone chooses.</translation>
    </message>
    <message>
        <source>%1 uppgifter där den här datorn och avsändaren skiljer sig åt läggs i listan Att granska; värdet under Behålls gäller tills någon väljer.</source>
        <translation>%1 items where this computer and the sender differ go to the To review list; the value under Kept applies until someone chooses.</translation>
    </message>
    <message>
        <source>Bunten kan inte läsas in. Inget har ändrats.</source>
        <translation>The bundle cannot be imported. Nothing has changed.</translation>
    </message>
    <message>
        <source>Be avsändaren skicka bunten på nytt och använd inte den här filen.</source>
        <translation>Ask the sender to send the bundle again and do not use this file.</translation>
    </message>
    <message>
        <source>Lägg först till avsändaren under Partner med dess signeringsnyckel och enhets-id (jämför fingeravtrycket med avsändarens), eller kontrollera att partnern inte är spärrad.</source>
        <translation>First add the sender under Partners with its signing key and unit id (compare the fingerprint with the sender&apos;s), or check that the partner is not revoked.</translation>
    </message>
    <message>
        <source>Bunten gjordes för någon annan. Be avsändaren kontrollera den här enhetens age-mottagare.</source>
        <translation>The bundle was made for someone else. Ask the sender to check this unit&apos;s age recipient.</translation>
    </message>
    <message>
        <source>Inget behöver göras: innehållet finns redan här.</source>
        <translation>Nothing needs to be done: the contents are already here.</translation>
    </message>
    <message>
        <source>En nyare bunt från samma avsändare är redan inläst. Be om den senaste bunten om något saknas.</source>
        <translation>A newer bundle from the same sender has already been imported. Ask for the latest bundle if something is missing.</translation>
    </message>
    <message>
        <source>Be avsändaren göra en ny bunt.</source>
        <translation>Ask the sender to make a new bundle.</translation>
    </message>
    <message>
        <source>Uppdatera Mottryck så att båda datorerna har samma version.</source>
        <translation>Update Mottryck so that both computers have the same version.</translation>
    </message>
    <message>
        <source>Be avsändaren dela upp utlämnandet, t.ex. per grupp.</source>
        <translation>Ask the sender to split the disclosure, e.g. by group.</translation>
    </message>
    <message>
        <source>Kontrollera att filen går att läsa (USB-minnet kvar?).</source>
        <translation>Check that the file can be read (is the USB stick still in?).</translation>
    </message>
</context>
</TS>
