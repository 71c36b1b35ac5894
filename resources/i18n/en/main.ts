<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
