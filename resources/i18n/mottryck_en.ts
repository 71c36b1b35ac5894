<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>Mottryck — %1</source>
        <translation>Mottryck — %1</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Lås</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Lås valvet och töm alla vyer</source>
        <translation>Lock the vault and clear every view</translation>
    </message>
    <message>
        <source>A&amp;vsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Om Mottryck</source>
        <translation>&amp;About Mottryck</translation>
    </message>
    <message>
        <source>Användare: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>Upplåst</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mottryck %1&lt;/h3&gt;&lt;p&gt;Ett krypterat register för Sluta skjut-grupper. Allt sparas i valvet på den här datorn; inget skickas någonstans.&lt;/p&gt;&lt;p&gt;Typsnitt: DejaVu Sans. Licenser finns i resources/licenses.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mottryck %1&lt;/h3&gt;&lt;p&gt;An encrypted register for Sluta skjut (Group Violence Intervention) working groups. Everything is kept in the vault on this computer; nothing is sent anywhere.&lt;/p&gt;&lt;p&gt;Font: DejaVu Sans. Licences are in resources/licenses.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Om Mottryck</source>
        <translation>About Mottryck</translation>
    </message>
    <message>
        <source>Låst</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Sök på namn, alias eller personnummer</source>
        <translation>Search by name, alias or personal identity number</translation>
    </message>
    <message>
        <source>Födelsedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Inga personer i valvet ännu</source>
        <translation>No people in the vault yet</translation>
    </message>
    <message>
        <source>Importera personer från ett kalkylblad med %1, eller prova Mottryck med påhittade personer: %2.</source>
        <translation>Import people from a spreadsheet with %1, or try Mottryck with invented people: %2.</translation>
    </message>
    <message>
        <source>Ingen person matchar ”%1”</source>
        <translation>Nobody matches “%1”</translation>
    </message>
    <message>
        <source>Sök på förnamn, efternamn, alias eller personnummer. Början av ett ord räcker: ”lin” hittar Lindqvist.</source>
        <translation>Search by first name, last name, alias or personal identity number. The start of a word is enough: “lin” finds Lindqvist.</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <source>De fyra sista siffrorna visas inte i listor.</source>
        <translation>The last four digits are not shown in lists.</translation>
    </message>
    <message>
        <source>Klicka för att vända sorteringen (efternamn, förnamn).</source>
        <translation>Click to reverse the order (last name, first name).</translation>
    </message>
    <message>
        <source>Efternamn</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Förnamn</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Personnummer</source>
        <translation>Personal identity number</translation>
    </message>
    <message>
        <source>Födelsedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Frivårdsstatus</source>
        <translation>Probation status</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Hämtar…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Personnummer</source>
        <translation>Personal identity number</translation>
    </message>
    <message>
        <source>Födelsedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Grupper nu</source>
        <translation>Current groups</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Frivårdsstatus</source>
        <translation>Probation status</translation>
    </message>
    <message>
        <source>Frivårdsperiod</source>
        <translation>Probation period</translation>
    </message>
    <message>
        <source>Frivårdskontor</source>
        <translation>Probation office</translation>
    </message>
    <message>
        <source>Ansvarig handläggare</source>
        <translation>Responsible officer</translation>
    </message>
    <message>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Kan inte visa personen</source>
        <translation>Cannot show this person</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Lås upp Mottryck</source>
        <translation>Unlock Mottryck</translation>
    </message>
    <message>
        <source>Lås upp valvet</source>
        <translation>Unlock the vault</translation>
    </message>
    <message>
        <source>Din lösenfras</source>
        <translation>Your passphrase</translation>
    </message>
    <message>
        <source>Lås upp</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Valv</source>
        <translation>Vault</translation>
    </message>
    <message>
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Lösenfras</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Skriv din lösenfras.</source>
        <translation>Type your passphrase.</translation>
    </message>
    <message>
        <source>Du kan försöka igen.</source>
        <translation>You can try again.</translation>
    </message>
    <message>
        <source>För många misslyckade försök. Försök igen om %1 s.</source>
        <translation>Too many failed attempts. Try again in %1 s.</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Ett oväntat fel inträffade. Inget har sparats av det du just gjorde.</source>
        <translation>An unexpected error occurred. Nothing of what you just did was saved.</translation>
    </message>
    <message>
        <source>En felrapport utan personuppgifter finns i %1.</source>
        <translation>An error report without personal data is in %1.</translation>
    </message>
    <message>
        <source>Mottryck</source>
        <translation>Mottryck</translation>
    </message>
    <message>
        <source>Lås och lås upp valvet om något ser fel ut.</source>
        <translation>Lock and unlock the vault if anything looks wrong.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Ingen</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Villkorligt frigiven</source>
        <translation>Conditionally released</translation>
    </message>
    <message>
        <source>Skyddstillsyn</source>
        <translation>Probation</translation>
    </message>
    <message>
        <source>Ungdomsövervakning</source>
        <translation>Youth supervision</translation>
    </message>
    <message>
        <source>Intensivövervakning</source>
        <translation>Intensive supervision (tag)</translation>
    </message>
    <message>
        <source>Annan</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>%1 person</source>
        <translation>%1 person</translation>
    </message>
    <message>
        <source>%1 personer</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <source>%1 träff</source>
        <translation>%1 match</translation>
    </message>
    <message>
        <source>%1 träffar</source>
        <translation>%1 matches</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>&lt;p&gt;Det finns inget Mottryck-valv i&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Skapa ett nytt valv med&lt;br&gt;&lt;code&gt;mottryck init --vault MAPP&lt;/code&gt;&lt;br&gt;eller prova med påhittade personer:&lt;br&gt;&lt;code&gt;mottryck demo --vault MAPP&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Starta sedan Mottryck med &lt;code&gt;mottryck --vault MAPP&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;There is no Mottryck vault in&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Create a new vault with&lt;br&gt;&lt;code&gt;mottryck init --vault FOLDER&lt;/code&gt;&lt;br&gt;or try it with invented people:&lt;br&gt;&lt;code&gt;mottryck demo --vault FOLDER&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Then start Mottryck with &lt;code&gt;mottryck --vault FOLDER&lt;/code&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Inget valv hittades</source>
        <translation>No vault found</translation>
    </message>
    <message>
        <source>Valvet har flera användare: välj vem du är och skriv lösenfrasen.</source>
        <translation>The vault has several users: choose who you are and type the passphrase.</translation>
    </message>
</context>
</TS>
