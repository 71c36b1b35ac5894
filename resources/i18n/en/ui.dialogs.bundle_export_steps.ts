<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>BasisStep</name>
    <message>
        <source>Rättslig grund och ändamål</source>
        <translation>Legal basis and purpose</translation>
    </message>
    <message>
        <source>Utlämnandet förs in i registret över utlämnanden.</source>
        <translation>The disclosure is entered in the register of disclosures.</translation>
    </message>
    <message>
        <source>Samtycke (OSL 12:2)</source>
        <translation>Consent (OSL 12:2)</translation>
    </message>
    <message>
        <source>Nödvändigt utlämnande (OSL 10:2)</source>
        <translation>Necessary disclosure (OSL 10:2)</translation>
    </message>
    <message>
        <source>Ny uppgiftsskyldighet (OSL 10:15 a)</source>
        <translation>New duty to disclose (OSL 10:15 a)</translation>
    </message>
    <message>
        <source>Annan grund…</source>
        <translation>Other basis…</translation>
    </message>
    <message>
        <source>Ange den rättsliga grunden</source>
        <translation>State the legal basis</translation>
    </message>
    <message>
        <source>&amp;Grund:</source>
        <translation>&amp;Basis:</translation>
    </message>
    <message>
        <source>Annan &amp;grund:</source>
        <translation>Other &amp;basis:</translation>
    </message>
    <message>
        <source>&amp;Anteckning:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Än&amp;damål:</source>
        <translation>&amp;Purpose:</translation>
    </message>
    <message>
        <source>Obligatorisk: var samtycket finns (t.ex. dokument eller datum och vem som tog emot det).</source>
        <translation>Required: where the consent is recorded (e.g. a document, or the date and who received it).</translation>
    </message>
    <message>
        <source>Obligatorisk: intresseavvägningen — varför uppgifterna behövs och väger tyngre än sekretessintresset.</source>
        <translation>Required: the balancing of interests — why the data is needed and outweighs the interest of secrecy.</translation>
    </message>
    <message>
        <source>Frivillig.</source>
        <translation>Optional.</translation>
    </message>
    <message>
        <source>Ange den rättsliga grunden.</source>
        <translation>State the legal basis.</translation>
    </message>
    <message>
        <source>Ange var samtycket finns.</source>
        <translation>State where the consent is recorded.</translation>
    </message>
    <message>
        <source>Skriv intresseavvägningen.</source>
        <translation>Write the balancing of interests.</translation>
    </message>
    <message>
        <source>Ange ändamålet med utlämnandet.</source>
        <translation>State the purpose of the disclosure.</translation>
    </message>
</context>
<context>
    <name>FileStep</name>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Bunten krypteras till partnern och till den här enheten. Spara den gärna direkt på ett USB-minne.</source>
        <translation>The bundle is encrypted to the partner and to this unit. Preferably save it straight onto a USB stick.</translation>
    </message>
    <message>
        <source>&amp;Välj…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Spara som:</source>
        <translation>&amp;Save as:</translation>
    </message>
    <message>
        <source>&amp;Exportera</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Spara bunt</source>
        <translation>Save bundle</translation>
    </message>
    <message>
        <source>Mottryck-buntar (*.age)</source>
        <translation>Mottryck bundles (*.age)</translation>
    </message>
    <message>
        <source>Välj var bunten ska sparas.</source>
        <translation>Choose where to save the bundle.</translation>
    </message>
    <message>
        <source>Mappen finns inte.</source>
        <translation>The folder does not exist.</translation>
    </message>
    <message>
        <source>Filen finns redan; välj ett annat namn.</source>
        <translation>The file already exists; choose another name.</translation>
    </message>
</context>
<context>
    <name>PartnerStep</name>
    <message>
        <source>Mottagare</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Välj den partner som ska få bunten.</source>
        <translation>Choose the partner who is to receive the bundle.</translation>
    </message>
    <message>
        <source>Det finns ingen partner att skicka till. Lägg först till partnern med dess age-mottagare under Partner (en spärrad partner kan inte få buntar).</source>
        <translation>There is no partner to send to. First add the partner with its age recipient under Partners (a revoked partner cannot receive bundles).</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>okänt (partnerns signeringsnyckel saknas)</source>
        <translation>unknown (the partner's signing key is missing)</translation>
    </message>
    <message>
        <source>Typ: %1
Fingeravtryck: %2</source>
        <translation>Kind: %1
Fingerprint: %2</translation>
    </message>
</context>
<context>
    <name>ProfileStep</name>
    <message>
        <source>Det här lämnas ut</source>
        <translation>This is what will leave</translation>
    </message>
    <message>
        <source>Partnerns profil (%1) bestämmer vilka uppgifter som får lämnas ut. Inget annat kommer med.</source>
        <translation>The partner's profile (%1) decides which data may be disclosed. Nothing else is included.</translation>
    </message>
</context>
<context>
    <name>ScopeStep</name>
    <message>
        <source>Omfattning</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Allt som partnern får ta emot, eller bara vissa grupper och deras medlemmar.</source>
        <translation>Everything the partner may receive, or only some groups and their members.</translation>
    </message>
    <message>
        <source>&amp;Allt</source>
        <translation>&amp;Everything</translation>
    </message>
    <message>
        <source>Bara &amp;valda grupper</source>
        <translation>Only &amp;chosen groups</translation>
    </message>
    <message>
        <source>Bara det som ändrats &amp;sedan</source>
        <translation>Only what changed &amp;since</translation>
    </message>
    <message>
        <source>Kryssa i minst en grupp, eller välj Allt.</source>
        <translation>Tick at least one group, or choose Everything.</translation>
    </message>
</context>
</TS>