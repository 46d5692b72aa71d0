"""Names of many origins, and which origins live where.

Common given names and surnames, romanised the way their bearers usually write them in
English-language applications. An origin is a naming tradition, never a risk factor: the
generator uses the same origin mix for honest applicants whatever the fraud rate.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Origin:
    key: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    language: str | None  # heritage language tag a bilingual person adds to the browser
    family_first: bool = False  # written family name first at home (the applicant may swap)
    hyphen_given: bool = False  # Korean-style two-syllable given names ("Ji-woo")


def _t(s: str) -> tuple[str, ...]:
    return tuple(w.replace("_", " ") for w in s.split())


ORIGINS: dict[str, Origin] = {
    "anglo": Origin(
        "anglo",
        _t(
            "James John Robert Michael William David Richard Joseph Thomas Christopher Daniel "
            "Matthew Anthony Mark Andrew Joshua Kevin Brian Ryan Jacob Nicholas Eric Jonathan "
            "Tyler Aaron Adam Nathan Zachary Kyle Ethan Logan Austin Dylan Noah Caleb Benjamin "
            "Samuel Patrick Sean Travis Cody Derek Grant Trevor Wesley Colin Garrett Owen Liam"
        ),
        _t(
            "Mary Jennifer Linda Elizabeth Susan Jessica Sarah Karen Emily Ashley Amanda "
            "Stephanie Melissa Nicole Rebecca Laura Rachel Megan Hannah Lauren Samantha Katherine "
            "Emma Olivia Abigail Madison Chloe Grace Allison Brittany Courtney Kelsey Dana Erin "
            "Heather Kristen Molly Caroline Claire Natalie Paige Sydney Taylor Morgan Shannon"
        ),
        _t(
            "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
            "Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
            "Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips "
            "Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper "
            "Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett "
            "Gray Hughes Price Sanders Myers Long Ross Foster Powell Jenkins Perry Russell "
            "Sullivan "
            "Whitaker Fischer Schmidt Meyer Olson Larson Hansen Novak Kowalski Murray O'Brien "
            "McCarthy Gallagher Byrne Fitzgerald Donnelly Walsh Hoffman Becker Weber Klein"
        ),
        None,
    ),
    "hispanic": Origin(
        "hispanic",
        _t(
            "José Luis Carlos Juan Jorge Miguel Alejandro Diego Javier Daniel Andrés Fernando "
            "Ricardo Eduardo Sergio Manuel Francisco Antonio Roberto Rafael Pablo Mateo Santiago "
            "Emilio Gabriel Adrián Iván Óscar Raúl Héctor"
        ),
        _t(
            "María Ana Lucía Sofía Valentina Camila Isabella Gabriela Daniela Mariana Carolina "
            "Paula Andrea Fernanda Alejandra Natalia Laura Elena Verónica Adriana Claudia Patricia "
            "Rosa Carmen Teresa Ximena Paola Diana Mónica Julia"
        ),
        _t(
            "García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres "
            "Flores Rivera Gómez Díaz Cruz Morales Reyes Gutiérrez Ortiz Chávez Ramos Ruiz "
            "Vargas Castillo Jiménez Moreno Romero Herrera Medina Aguilar Vega Castro Mendoza "
            "Guerrero Ríos Delgado Salazar Navarro Cortés Peña"
        ),
        "es-US",
    ),
    "brazilian": Origin(
        "brazilian",
        _t(
            "João Pedro Lucas Gabriel Matheus Rafael Felipe Gustavo Bruno Thiago Rodrigo "
            "Leonardo Vinícius Caio Diego André Marcelo Henrique Eduardo Luiz"
        ),
        _t(
            "Ana Maria Juliana Fernanda Camila Beatriz Larissa Mariana Gabriela Letícia Amanda "
            "Bruna Carolina Isabela Patrícia Renata Luana Vitória Aline Tatiane"
        ),
        _t(
            "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa "
            "Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias "
            "Nascimento Andrade Moreira Nunes Mendes Cardoso Teixeira Araújo"
        ),
        "pt-BR",
    ),
    "korean": Origin(
        "korean",
        _t(
            "Min-jun Seo-jun Do-yun Ji-ho Ha-jun Joon-young Sung-min Hyun-woo Jae-hyun Dong-hyun "
            "Tae-yang Jin-woo Seung-ho Young-soo Kyung-ho Sang-woo Jun-ho Woo-jin Min-seok Jae-won"
        ),
        _t(
            "Ji-woo Seo-yeon Ha-eun Min-seo Ji-min Soo-ah Ye-jin Eun-ji Hye-jin Yoo-jin "
            "Su-bin Da-eun Ji-yeon Min-ji So-yeon Hae-won Na-yeon Seo-hyun Ji-hye Eun-seo"
        ),
        _t(
            "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song "
            "Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Noh"
        ),
        "ko-KR",
        family_first=True,
        hyphen_given=True,
    ),
    "chinese": Origin(
        "chinese",
        _t(
            "Wei Jie Hao Yang Lei Jun Ming Tao Chen Peng Bo Kai Yu Xiang Zhiwei Haoran Yichen "
            "Zihan Jiahao Xin Long Feng Qiang Rui Tian"
        ),
        _t(
            "Li Fang Jing Ying Xin Yan Mei Hui Lin Xiaoyu Yiting Ruoxi Jiayi Shuang Qian "
            "Yuxuan Wen Ting Na Lu Min Hong Xue Yue Zhen"
        ),
        _t(
            "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo "
            "Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai"
        ),
        "zh-CN",
        family_first=True,
    ),
    "taiwanese": Origin(
        "taiwanese",
        _t("Chia-hao Cheng-han Yu-ting Chih-wei Po-yu Tsung-han Kuan-ting Wei-lun Yi-hsuan"),
        _t("Yi-ting Hsin-yi Pei-shan Ya-ting Shu-fen Chia-ying Hui-chun Yu-chen Wan-ting"),
        _t("Chen Lin Huang Chang Lee Wang Wu Liu Tsai Yang Hsu Cheng Hsieh Kuo Hung Tseng"),
        "zh-TW",
        family_first=True,
    ),
    "indian": Origin(
        "indian",
        _t(
            "Aarav Arjun Rahul Rohan Vikram Amit Sanjay Rajesh Suresh Karthik Pradeep Anil "
            "Vivek Nikhil Abhishek Ankit Siddharth Aditya Harsh Manish Deepak Naveen Srinivas "
            "Venkatesh Ravi Ajay Gaurav Saurabh Varun Kunal Prakash Ramesh Mohit Akash Yash"
        ),
        _t(
            "Priya Ananya Divya Pooja Neha Sneha Kavya Aishwarya Shreya Deepika Anjali Swati "
            "Meera Lakshmi Ritu Nisha Shruti Aditi Sonal Riya Bhavna Harini Keerthi Sowmya "
            "Pallavi Madhuri Radhika Tanvi Isha Ishita"
        ),
        _t(
            "Sharma Patel Singh Kumar Gupta Reddy Rao Iyer Nair Menon Joshi Desai Mehta Shah "
            "Agarwal Verma Mishra Pillai Krishnan Subramanian Chatterjee Banerjee Mukherjee Das "
            "Bhat Kulkarni Naidu Chauhan Malhotra Kapoor Saxena Srivastava Pandey Goyal Bansal "
            "Venkataraman Raghunathan Chandrasekaran Natarajan Ganesan"
        ),
        "hi-IN",
    ),
    "pakistani": Origin(
        "pakistani",
        _t(
            "Muhammad Ali Hassan Usman Bilal Hamza Ahmed Faisal Imran Omar Saad Zain Asad "
            "Waqas Kamran Danish Tariq"
        ),
        _t("Ayesha Fatima Sana Hira Maryam Zainab Amna Mahnoor Iqra Sadia Rabia Nida"),
        _t(
            "Khan Ahmed Ali Hussain Malik Qureshi Sheikh Butt Chaudhry Raza Iqbal Siddiqui "
            "Akhtar Aslam Javed Mirza Abbasi Baig"
        ),
        "ur-PK",
    ),
    "vietnamese": Origin(
        "vietnamese",
        _t("Minh Anh Duc Huy Hoang Quang Tuan Khoa Long Nam Phuc Thanh Bao Trung Dung Hieu"),
        _t("Linh Trang Huong Mai Thao Ngoc Lan Hanh Phuong Vy Nhung Thu Yen Quynh Ha Tram"),
        _t("Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly"),
        "vi-VN",
        family_first=True,
    ),
    "filipino": Origin(
        "filipino",
        _t(
            "Jose Mark John Paolo Carlo Miguel Angelo Rafael Christian Joshua Kenneth Jerome "
            "Ramon Emmanuel Jericho Renz"
        ),
        _t(
            "Maria Kristine Angelica Jasmine Patricia Camille Nicole Joy Princess Mae Andrea "
            "Bea Katrina Liza Rowena Cherry"
        ),
        _t(
            "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo "
            "Flores Villanueva Ramos Castro Rivera Aquino Navarro Salazar Mercado dela_Cruz "
            "Del_Rosario Manalo Dizon Pascual"
        ),
        "fil-PH",
    ),
    "nigerian": Origin(
        "nigerian",
        _t(
            "Chinedu Emeka Oluwaseun Tunde Babatunde Olumide Chukwuemeka Ikenna Obinna Segun "
            "Adebayo Femi Kayode Uche Nnamdi Ifeanyi Damilola Tobi Kelechi Yusuf Ibrahim Musa"
        ),
        _t(
            "Chiamaka Ngozi Adaeze Funmilayo Folake Oluwakemi Temitope Blessing Chioma Nneka "
            "Ifeoma Yetunde Abimbola Bukola Amaka Zainab Aisha Halima Titilayo Ebere"
        ),
        _t(
            "Okafor Okonkwo Adeyemi Adebayo Ogunleye Eze Nwosu Balogun Oladipo Obi Okeke "
            "Chukwu Ibrahim Bello Mohammed Abubakar Adewale Olawale Nnaji Onyekachi Akinola "
            "Oyelaran Afolabi Ogundipe Uzoma"
        ),
        "yo-NG",
    ),
    "kenyan": Origin(
        "kenyan",
        _t("Brian Kevin Dennis Collins Victor Samuel Peter Joseph Kamau Otieno Kipchoge"),
        _t("Faith Mercy Grace Esther Wanjiru Achieng Njeri Wambui Cynthia Sharon"),
        _t(
            "Mwangi Otieno Kamau Kariuki Njoroge Ochieng Wanjiku Kiplagat Mutua Odhiambo "
            "Omondi Cheruiyot"
        ),
        "sw-KE",
    ),
    "egyptian": Origin(
        "egyptian",
        _t("Mohamed Ahmed Mahmoud Mostafa Omar Youssef Karim Amr Tarek Hany Khaled Sherif"),
        _t("Nour Mariam Salma Yasmin Rana Dina Heba Aya Farida Menna Habiba"),
        _t(
            "Hassan Ibrahim Mahmoud Abdelrahman Mostafa Saleh Fathy Farouk Gamal Naguib "
            "El-Sayed Soliman Mansour Shawky"
        ),
        "ar-EG",
    ),
    "japanese": Origin(
        "japanese",
        _t(
            "Haruto Yuto Sota Takumi Kenta Daiki Shota Ryota Yusuke Kazuki Hiroshi Takashi "
            "Naoki Kenji Satoshi"
        ),
        _t("Yui Aoi Hina Sakura Yuka Misaki Haruka Ayaka Nanami Mai Emi Yoko Kanako Rie"),
        _t(
            "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato "
            "Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori"
        ),
        "ja-JP",
        family_first=True,
    ),
    "german": Origin(
        "german",
        _t(
            "Lukas Jonas Felix Maximilian Leon Paul Finn Tobias Jan Florian Sebastian Moritz "
            "Niklas Stefan Alexander Matthias Tim Philipp Julian Christian"
        ),
        _t(
            "Anna Lena Laura Julia Sophie Lea Hannah Katharina Marie Johanna Sarah Lisa "
            "Franziska Carolin Miriam Nina Clara Theresa"
        ),
        _t(
            "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch "
            "Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hartmann "
            "Lange Werner Krause Lehmann Köhler Maier"
        ),
        "de-DE",
    ),
    "french": Origin(
        "french",
        _t(
            "Lucas Hugo Louis Gabriel Arthur Jules Nathan Théo Antoine Maxime Julien Nicolas "
            "Mathieu Guillaume Olivier Étienne Félix Samuel Simon Alexandre"
        ),
        _t(
            "Emma Léa Chloé Camille Manon Inès Sarah Juliette Clara Élodie Mélanie Julie "
            "Amélie Noémie Gabrielle Marie-Ève Catherine Geneviève Audrey"
        ),
        _t(
            "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
            "Lefebvre Michel Garcia Roux Fournier Girard Bonnet Tremblay Gagnon Roy Côté "
            "Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier Bélanger"
        ),
        "fr-FR",
    ),
    "polish": Origin(
        "polish",
        _t(
            "Jakub Kacper Mateusz Michał Bartosz Piotr Tomasz Paweł Krzysztof Łukasz Marcin "
            "Kamil Adrian Wojciech Damian Szymon Grzegorz Rafał Dawid Maciej"
        ),
        _t(
            "Anna Katarzyna Magdalena Agnieszka Joanna Aleksandra Natalia Karolina Monika "
            "Paulina Marta Zuzanna Weronika Julia Dominika Ewa Justyna Kinga"
        ),
        _t(
            "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński "
            "Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk "
            "Piotrowski Grabowski Nowakowski Pawłowski Michalski Zając Król Wieczorek"
        ),
        "pl-PL",
    ),
    "ukrainian": Origin(
        "ukrainian",
        _t(
            "Oleksandr Andrii Dmytro Serhii Mykola Vladyslav Yurii Oleh Taras Bohdan Ihor "
            "Maksym Artem Denys Roman Vitalii Volodymyr Yaroslav"
        ),
        _t(
            "Olena Iryna Natalia Tetiana Oksana Yuliia Kateryna Anastasiia Daryna Sofiia "
            "Viktoriia Khrystyna Mariia Alina Halyna Svitlana"
        ),
        _t(
            "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Kovalchuk "
            "Oliinyk Shevchuk Polishchuk Lysenko Marchenko Savchenko Rudenko Moroz Petrenko "
            "Kuzmenko Pavlenko Honcharenko Hnatiuk Tkachuk"
        ),
        "uk-UA",
    ),
    "russian": Origin(
        "russian",
        _t(
            "Alexey Dmitry Sergey Andrey Ivan Mikhail Nikolai Pavel Artem Maxim Roman Egor "
            "Kirill Vladimir Ilya"
        ),
        _t(
            "Anastasia Ekaterina Maria Olga Tatiana Natalia Elena Irina Yulia Daria Svetlana "
            "Ksenia Polina Alina"
        ),
        _t(
            "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov "
            "Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Orlov"
        ),
        "ru-RU",
    ),
    "romanian": Origin(
        "romanian",
        _t("Andrei Alexandru Mihai Ionuț Cristian Florin Bogdan Răzvan Vlad Adrian Ștefan"),
        _t("Andreea Ioana Elena Maria Alexandra Cristina Raluca Mihaela Bianca Diana Irina"),
        _t(
            "Popescu Ionescu Popa Radu Dumitrescu Stan Stoica Gheorghe Matei Ciobanu Rusu "
            "Munteanu Constantin Marin Tudor"
        ),
        "ro-RO",
    ),
    "italian": Origin(
        "italian",
        _t(
            "Francesco Alessandro Lorenzo Matteo Andrea Marco Luca Giuseppe Davide Simone "
            "Federico Riccardo Giovanni Stefano"
        ),
        _t(
            "Giulia Sofia Martina Chiara Francesca Sara Alessia Valentina Elisa Federica "
            "Silvia Elena Beatrice"
        ),
        _t(
            "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno "
            "Gallo Conti De_Luca Costa Giordano Mancini Rizzo Lombardi Moretti"
        ),
        "it-IT",
    ),
    "spanish": Origin(
        "spanish",
        _t(
            "Hugo Martín Lucas Daniel Pablo Alejandro Álvaro Adrián David Javier Sergio Iker "
            "Marc Pau Jordi"
        ),
        _t(
            "Lucía Martina María Paula Laura Marta Sara Elena Carmen Nerea Alba Noelia Claudia "
            "Irene Núria"
        ),
        _t(
            "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín "
            "Jiménez Ruiz Hernández Díaz Moreno Álvarez Romero Navarro Torres Domínguez Puig"
        ),
        "es-ES",
    ),
    "dutch": Origin(
        "dutch",
        _t("Daan Sem Lucas Levi Finn Bram Thijs Jesse Ruben Sander Joost Bas Wouter Pieter"),
        _t("Emma Julia Sophie Tess Anna Fenna Lotte Sanne Eva Femke Iris Lisa Noor Marloes"),
        _t(
            "de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Visser Smit Meijer de_Boer "
            "Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker"
        ),
        "nl-NL",
    ),
    "swedish": Origin(
        "swedish",
        _t("Erik Lars Anders Johan Karl Per Nils Oskar Gustav Axel Viktor Emil Filip"),
        _t("Anna Maria Sara Emma Elin Ida Johanna Frida Linnea Ebba Maja Klara"),
        _t(
            "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson "
            "Gustafsson Lindberg Lindqvist Berg Holm"
        ),
        "sv-SE",
    ),
    "malay": Origin(
        "malay",
        _t("Ahmad Muhammad Amir Hafiz Faiz Aiman Hakim Irfan Syafiq Danial"),
        _t("Nur Siti Aisyah Nurul Farah Aina Syafiqah Hidayah Amirah"),
        _t(
            "bin_Abdullah bin_Ismail bin_Hassan binti_Ahmad binti_Ibrahim Rahman Ismail Yusof "
            "Hamzah Osman"
        ),
        "ms-MY",
    ),
    "arab": Origin(
        "arab",
        _t("Omar Khalid Yousef Ahmad Sami Rami Karim Tariq Nasser Fadi Ziad Hamza"),
        _t("Layla Nadia Rania Lina Sara Dana Yasmin Reem Huda Maya Noor"),
        _t(
            "Haddad Khoury Nasser Saleh Aziz Haddadin Mansour Darwish Hamdan Khalil Farah "
            "Abboud Qasim"
        ),
        "ar",
    ),
    "portuguese": Origin(
        "portuguese",
        _t("João Tiago Rodrigo Miguel Duarte Gonçalo Ricardo Nuno Pedro Diogo Rui Bruno"),
        _t("Inês Beatriz Mariana Catarina Sofia Joana Rita Ana Marta Carolina Filipa"),
        _t(
            "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Fernandes "
            "Gonçalves Gomes Lopes Marques Almeida Ribeiro Pinto Carvalho"
        ),
        "pt-PT",
    ),
    "turkish": Origin(
        "turkish",
        _t("Mehmet Mustafa Ahmet Ali Emre Burak Murat Can Mert Oğuz Hakan Serkan Onur Kerem"),
        _t("Ayşe Fatma Zeynep Elif Merve Büşra Ceren Ece Selin Deniz Gizem Esra"),
        _t(
            "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan "
            "Kılıç Aslan Çetin Koç Kurt Özkan"
        ),
        "tr-TR",
    ),
    "southafrican": Origin(
        "southafrican",
        _t("Thabo Sipho Themba Lwazi Bongani Kagiso Tshepo Pieter Johan Ruan Sibusiso Mandla"),
        _t("Nomvula Lerato Thandiwe Zanele Naledi Palesa Anele Annelie Marike Busisiwe"),
        _t(
            "Nkosi Dlamini Ndlovu Khumalo Mokoena Mahlangu Botha van_der_Merwe Pretorius "
            "Naidoo Govender Mthembu Zulu Molefe"
        ),
        "zu-ZA",
    ),
    "indonesian": Origin(
        "indonesian",
        _t("Budi Agus Andi Rizky Dimas Fajar Arif Hendra Yoga Bayu Adi Reza"),
        _t("Siti Dewi Putri Ayu Rina Sari Indah Fitri Nadia Wulan Anisa Intan"),
        _t(
            "Santoso Wijaya Pratama Saputra Hidayat Nugroho Kurniawan Setiawan Siregar Halim "
            "Gunawan Susanto"
        ),
        "id-ID",
    ),
    "bangladeshi": Origin(
        "bangladeshi",
        _t("Rahim Karim Tanvir Fahim Rafiq Sabbir Arif Imran Shakil Nayeem Rakib Mahmud"),
        _t("Nusrat Farzana Tasnim Sadia Sharmin Nabila Rumana Tahmina Afsana Jannatul"),
        _t("Rahman Hossain Islam Ahmed Chowdhury Uddin Akter Haque Sarker Talukder Khan Miah"),
        "bn-BD",
    ),
    "israeli": Origin(
        "israeli",
        _t("Noam Itai Omer Yonatan Eitan Daniel Ariel Amit Tomer Guy Yoav Uri"),
        _t("Noa Tamar Maya Shira Yael Michal Noga Adi Hila Roni Talia Inbar"),
        _t(
            "Cohen Levi Mizrahi Peretz Biton Dahan Avraham Friedman Azoulay Katz Shapiro "
            "Goldberg Ben-David Rosen"
        ),
        "he-IL",
    ),
    "thai": Origin(
        "thai",
        _t("Somchai Anan Krit Nattapong Thanawat Pongsak Chaiwat Kittisak Wichai Teerapat"),
        _t("Siriporn Pimchanok Nattaya Kanokwan Supansa Ploy Waraporn Sasithorn Chanida"),
        _t(
            "Saetang Srisuk Wongsawat Chaiyaporn Rattanakorn Boonmee Sukprasert Kongsiri "
            "Thongchai Jaidee"
        ),
        "th-TH",
    ),
    "ghanaian": Origin(
        "ghanaian",
        _t("Kwame Kofi Kwabena Yaw Kwaku Kojo Kwesi Emmanuel Samuel Daniel Nana Prince"),
        _t("Ama Akosua Abena Adwoa Efua Afua Akua Esi Gifty Priscilla Comfort Abigail"),
        _t("Mensah Owusu Boateng Asante Osei Agyeman Appiah Addo Amoah Darko Ofori Acheampong"),
        "ak-GH",
    ),
}

# Origin mix of the residents of each country (honest applicants), in percent.
RESIDENT_ORIGINS: dict[str, tuple[tuple[str, float], ...]] = {
    "US": (
        ("anglo", 55),
        ("hispanic", 13),
        ("indian", 8),
        ("chinese", 5),
        ("korean", 3),
        ("vietnamese", 2),
        ("filipino", 2),
        ("nigerian", 1.5),
        ("arab", 1.2),
        ("russian", 1),
        ("ukrainian", 1),
        ("polish", 1),
        ("japanese", 0.7),
        ("taiwanese", 0.7),
        ("pakistani", 1),
        ("brazilian", 0.8),
        ("german", 0.8),
        ("kenyan", 0.4),
        ("egyptian", 0.4),
        ("italian", 0.5),
        ("french", 0.3),
        ("bangladeshi", 0.3),
        ("ghanaian", 0.3),
        ("israeli", 0.3),
        ("turkish", 0.2),
        ("portuguese", 0.2),
        ("thai", 0.2),
        ("indonesian", 0.1),
    ),
    "CA": (
        ("anglo", 45),
        ("french", 20),
        ("chinese", 8),
        ("indian", 9),
        ("filipino", 3),
        ("korean", 2),
        ("pakistani", 2),
        ("arab", 2),
        ("ukrainian", 2),
        ("hispanic", 2),
        ("nigerian", 1.5),
        ("vietnamese", 1.5),
        ("polish", 1),
        ("taiwanese", 1),
    ),
    "GB": (
        ("anglo", 72),
        ("indian", 8),
        ("pakistani", 4),
        ("polish", 3),
        ("nigerian", 3),
        ("chinese", 2),
        ("romanian", 1.5),
        ("italian", 1.5),
        ("arab", 1.5),
        ("spanish", 1),
        ("kenyan", 1),
        ("german", 0.5),
        ("korean", 0.5),
    ),
    "IE": (
        ("anglo", 80),
        ("polish", 6),
        ("indian", 5),
        ("brazilian", 3),
        ("nigerian", 2),
        ("chinese", 2),
        ("romanian", 2),
    ),
    "DE": (
        ("german", 78),
        ("polish", 4),
        ("russian", 3),
        ("ukrainian", 3),
        ("italian", 2),
        ("indian", 3),
        ("arab", 3),
        ("romanian", 2),
        ("chinese", 1),
        ("korean", 0.5),
        ("vietnamese", 0.5),
    ),
    "NL": (
        ("dutch", 82),
        ("indian", 5),
        ("polish", 3),
        ("german", 3),
        ("arab", 4),
        ("chinese", 2),
        ("ukrainian", 1),
    ),
    "FR": (
        ("french", 82),
        ("arab", 8),
        ("hispanic", 1),
        ("italian", 2),
        ("vietnamese", 2),
        ("chinese", 2),
        ("nigerian", 1),
        ("polish", 1),
        ("romanian", 1),
    ),
    "ES": (
        ("spanish", 82),
        ("hispanic", 8),
        ("romanian", 3),
        ("arab", 3),
        ("italian", 2),
        ("chinese", 1),
        ("ukrainian", 1),
    ),
    "IT": (
        ("italian", 88),
        ("romanian", 4),
        ("arab", 3),
        ("chinese", 2),
        ("ukrainian", 2),
        ("filipino", 1),
    ),
    "PL": (("polish", 92), ("ukrainian", 6), ("vietnamese", 1), ("indian", 1)),
    "UA": (("ukrainian", 88), ("russian", 12)),
    "RO": (("romanian", 97), ("ukrainian", 1), ("arab", 1), ("italian", 1)),
    "SE": (
        ("swedish", 85),
        ("arab", 6),
        ("polish", 3),
        ("indian", 3),
        ("chinese", 2),
        ("ukrainian", 1),
    ),
    "IN": (("indian", 100),),
    "PK": (("pakistani", 100),),
    "PH": (("filipino", 98), ("chinese", 2)),
    "BR": (("brazilian", 94), ("japanese", 2), ("italian", 2), ("german", 1), ("arab", 1)),
    "MX": (("hispanic", 100),),
    "AR": (("hispanic", 90), ("italian", 6), ("german", 2), ("arab", 2)),
    "CO": (("hispanic", 100),),
    "NG": (("nigerian", 100),),
    "KE": (("kenyan", 92), ("indian", 8)),
    "EG": (("egyptian", 100),),
    "VN": (("vietnamese", 100),),
    "KR": (("korean", 99), ("chinese", 1)),
    "JP": (("japanese", 97), ("korean", 1.5), ("chinese", 1.5)),
    "CN": (("chinese", 100),),
    "TW": (("taiwanese", 100),),
    "SG": (("chinese", 70), ("malay", 15), ("indian", 12), ("filipino", 3)),
    "MY": (("malay", 60), ("chinese", 25), ("indian", 10), ("filipino", 5)),
    "AU": (
        ("anglo", 72),
        ("chinese", 7),
        ("indian", 6),
        ("vietnamese", 2),
        ("filipino", 2),
        ("korean", 1.5),
        ("italian", 2),
        ("arab", 2),
        ("hispanic", 1),
        ("japanese", 1),
        ("german", 1),
        ("nigerian", 0.5),
        ("brazilian", 1),
    ),
    "RU": (
        ("russian", 90),
        ("ukrainian", 4),
        ("korean", 1),
        ("arab", 1),
        ("german", 1),
        ("polish", 1),
        ("vietnamese", 1),
        ("chinese", 1),
    ),
    "PT": (("portuguese", 88), ("brazilian", 8), ("ukrainian", 2), ("indian", 2)),
    "TR": (("turkish", 97), ("arab", 3)),
    "ZA": (("southafrican", 80), ("anglo", 12), ("indian", 6), ("nigerian", 2)),
    "ID": (("indonesian", 95), ("chinese", 5)),
    "BD": (("bangladeshi", 100),),
    "IL": (("israeli", 85), ("arab", 10), ("russian", 5)),
    "TH": (("thai", 95), ("chinese", 5)),
    "GH": (("ghanaian", 97), ("nigerian", 3)),
}

# Home country of each origin: where a first-generation immigrant studied or worked first.
ORIGIN_HOME: dict[str, str] = {
    "anglo": "US",
    "hispanic": "MX",
    "brazilian": "BR",
    "korean": "KR",
    "chinese": "CN",
    "taiwanese": "TW",
    "indian": "IN",
    "pakistani": "PK",
    "vietnamese": "VN",
    "filipino": "PH",
    "nigerian": "NG",
    "kenyan": "KE",
    "egyptian": "EG",
    "japanese": "JP",
    "german": "DE",
    "french": "FR",
    "polish": "PL",
    "ukrainian": "UA",
    "russian": "RU",
    "romanian": "RO",
    "italian": "IT",
    "spanish": "ES",
    "dutch": "NL",
    "swedish": "SE",
    "malay": "MY",
    "arab": "EG",
    "portuguese": "PT",
    "turkish": "TR",
    "southafrican": "ZA",
    "indonesian": "ID",
    "bangladeshi": "BD",
    "israeli": "IL",
    "thai": "TH",
    "ghanaian": "GH",
}

# Native spellings, for the other_names of Korean and Chinese applicants.
_HANGUL_SURNAMES = dict(
    zip(
        _t(
            "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song "
            "Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Noh"
        ),
        _t(
            "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 유 홍 "
            "전 고 문 양 손 배 백 허 남 노"
        ),
        strict=True,
    )
)
_HANGUL_GIVEN = dict(
    zip(
        _t(
            "Min-jun Seo-jun Do-yun Ji-ho Ha-jun Joon-young Sung-min Hyun-woo Jae-hyun Dong-hyun "
            "Tae-yang Jin-woo Seung-ho Young-soo Kyung-ho Sang-woo Jun-ho Woo-jin Min-seok Jae-won "
            "Ji-woo Seo-yeon Ha-eun Min-seo Ji-min Soo-ah Ye-jin Eun-ji Hye-jin Yoo-jin Su-bin "
            "Da-eun Ji-yeon Min-ji So-yeon Hae-won Na-yeon Seo-hyun Ji-hye Eun-seo"
        ),
        _t(
            "민준 서준 도윤 지호 하준 준영 성민 현우 재현 동현 태양 진우 승호 "
            "영수 경호 상우 준호 우진 민석 재원 지우 서연 하은 민서 지민 수아 "
            "예진 은지 혜진 유진 수빈 다은 지연 민지 소연 해원 나연 서현 지혜 "
            "은서"
        ),
        strict=True,
    )
)
_HANZI_SURNAMES = dict(
    zip(
        _t(
            "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo "
            "Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai"
        ),
        _t(
            "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 高 罗 "
            "郑 梁 谢 宋 唐 韩 冯 邓 曹 彭 曾 肖 田 董 潘 袁 蔡"
        ),
        strict=True,
    )
)
_HANZI_GIVEN_MALE = dict(
    zip(
        _t(
            "Wei Jie Hao Yang Lei Jun Ming Tao Chen Peng Bo Kai Yu Xiang Zhiwei Haoran Yichen "
            "Zihan Jiahao Xin Long Feng Qiang Rui Tian"
        ),
        _t("伟 杰 浩 洋 磊 军 明 涛 晨 鹏 博 凯 宇 翔 志伟 浩然 奕辰 子涵 家豪 鑫 龙 峰 强 睿 天"),
        strict=True,
    )
)
_HANZI_GIVEN_FEMALE = dict(
    zip(
        _t(
            "Li Fang Jing Ying Xin Yan Mei Hui Lin Xiaoyu Yiting Ruoxi Jiayi Shuang Qian "
            "Yuxuan Wen Ting Na Lu Min Hong Xue Yue Zhen"
        ),
        _t("丽 芳 静 颖 欣 燕 美 慧 琳 晓雨 怡婷 若曦 佳怡 爽 倩 雨萱 雯 婷 娜 璐 敏 红 雪 月 珍"),
        strict=True,
    )
)


def native_name(origin: str, first: str, last: str, female: bool) -> str | None:
    """The name in Hangul or simplified Chinese characters, family name first; None if unknown."""
    if origin == "korean":
        family, given = _HANGUL_SURNAMES.get(last), _HANGUL_GIVEN.get(first)
    elif origin == "chinese":
        family = _HANZI_SURNAMES.get(last)
        given = (_HANZI_GIVEN_FEMALE if female else _HANZI_GIVEN_MALE).get(first)
    else:
        return None
    return f"{family}{given}" if family and given else None
